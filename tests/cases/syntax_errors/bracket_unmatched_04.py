f(a))
