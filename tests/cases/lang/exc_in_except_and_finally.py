# Exceptions raised inside finally replace the in-flight one (with context).
def f():
    try:
        raise ValueError("original")
    finally:
        raise KeyError("from finally")
try:
    f()
except KeyError as e:
    print(repr(e), "context:", repr(e.__context__))
def g():
    try:
        raise ValueError("v")
    except ValueError:
        try:
            raise TypeError("t")
        except TypeError:
            pass
        raise
try:
    g()
except ValueError as e:
    print("re-raised", repr(e), repr(e.__context__))
f()
