# Manually setting __cause__/__context__/__traceback__ and with_traceback.
e = ValueError("v")
print(e.__cause__, e.__context__, e.__suppress_context__, e.__traceback__)
e.__cause__ = KeyError("k")
print(e.__suppress_context__, repr(e.__cause__))
try:
    e.__cause__ = "not an exception"
except TypeError as err:
    print("TypeError:", err)
try:
    raise ValueError("x") from 5
except TypeError as err:
    print("TypeError:", err)
try:
    raise ValueError("cls cause") from KeyError
except ValueError as err:
    print(repr(err.__cause__))
def tb_depth(tb):
    n = 0
    while tb:
        n += 1
        tb = tb.tb_next
    return n
def deep(k):
    if k == 0:
        raise RuntimeError("deep")
    deep(k - 1)
try:
    deep(3)
except RuntimeError as err:
    print("tb depth", tb_depth(err.__traceback__))
    e2 = RuntimeError("copy").with_traceback(err.__traceback__)
    print(tb_depth(e2.__traceback__), e2.__traceback__ is err.__traceback__)
