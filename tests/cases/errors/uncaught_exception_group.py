def f():
    raise ExceptionGroup("many", [ValueError("v1"), TypeError("t1"), ExceptionGroup("inner", [KeyError("k")])])

f()
