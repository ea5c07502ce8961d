# The `as` target is deleted at the end of the except block.
e = "before"
try:
    raise ValueError("x")
except ValueError as e:
    print("inside", repr(e))
try:
    print(e)
except NameError as err:
    print("NameError:", err)
def f():
    exc = None
    try:
        1 / 0
    except ZeroDivisionError as exc:
        pass
    return exc
try:
    f()
except UnboundLocalError as err:
    print("UnboundLocalError:", err)
def g():
    try:
        raise KeyError("saved")
    except KeyError as e:
        saved = e
    return repr(saved), saved.__traceback__ is not None
print(g())
