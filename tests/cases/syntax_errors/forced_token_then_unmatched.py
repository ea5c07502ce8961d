def f(a, b:
    pass
x = )
