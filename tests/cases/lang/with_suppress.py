# A truthy __exit__ return value suppresses the exception.
class Suppress:
    def __init__(self, *types): self.types = types
    def __enter__(self): return self
    def __exit__(self, et, ev, tb):
        if et is not None and issubclass(et, self.types):
            print("suppressing", et.__name__)
            return True
        return None
with Suppress(KeyError):
    {}["x"]
    print("not reached")
print("after suppressed block")
try:
    with Suppress(KeyError):
        raise ValueError("not suppressed")
except ValueError as e:
    print("escaped", e)
def f():
    for i in range(3):
        with Suppress(ZeroDivisionError):
            print("iteration", i, 1 / (i - 1))
    return "done"
print(f())
