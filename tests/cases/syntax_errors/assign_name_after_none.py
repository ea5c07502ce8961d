def f():
    x, None z = g(a)
