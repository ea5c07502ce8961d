# 3.9+ relaxed decorator grammar: any expression.
decos = {"dbl": lambda f: lambda x: f(x) * 2, "neg": lambda f: lambda x: -f(x)}
class NS:
    inc = staticmethod(lambda f: lambda x: f(x) + 1)
@decos["dbl"]
def a(x): return x
@NS.inc
def b(x): return x
@(lambda f: f) if True else None
def c(x): return x * 100
@decos["neg"]
@decos["dbl"]
@NS.inc
def d(x): return x
print(a(5), b(5), c(5), d(5))
