# A generator that yields again when closed on drop: the RuntimeError is reported, not raised.
def g():
    try:
        yield 1
    finally:
        print("finally")
        yield 2
it = g()
next(it)
del it
print("after drop")
def h():
    try:
        yield 1
    except GeneratorExit:
        raise ValueError("from close")
it = h()
next(it)
it = None
print("end")
