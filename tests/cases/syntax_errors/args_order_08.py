g(**kw, x)
