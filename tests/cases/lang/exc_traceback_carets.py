# Tracebacks mark subexpressions: binary operators, calls, subscripts, attributes.
import sys
def show(fn):
    try:
        fn()
    except Exception:
        sys.excepthook(*sys.exc_info())
a, b = 1, 0
show(lambda: a / b)
show(lambda: [1, 2][5])
show(lambda: None.attribute)
show(lambda: int("x") + 1)
def long_call():
    result = max(1, 2) + len([1, 2, 3]) // (a - 1)
    return result
show(long_call)
def multi():
    x = {"a": {"b": None}}
    return x["a"]["b"]["c"]
show(multi)
