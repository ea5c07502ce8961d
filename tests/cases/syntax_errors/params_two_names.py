def f(a=1, b b=2):
    pass
