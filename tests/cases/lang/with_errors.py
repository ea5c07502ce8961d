# Errors: objects without __enter__/__exit__, exceptions in __enter__ and __exit__.
class NoEnter:
    def __exit__(self, *a): pass
class NoExit:
    def __enter__(self): return self
for obj in (NoEnter(), NoExit(), 5):
    try:
        with obj:
            pass
    except TypeError as e:
        print("TypeError:", e)
class BadEnter:
    def __enter__(self): raise RuntimeError("enter failed")
    def __exit__(self, *a):
        print("exit never called"); return False
try:
    with BadEnter():
        print("no body")
except RuntimeError as e:
    print("RuntimeError:", e)
class BadExit:
    def __enter__(self): return self
    def __exit__(self, *a):
        raise KeyError("exit failed")
try:
    with BadExit():
        raise ValueError("body")
except KeyError as e:
    print("KeyError:", e, "context:", repr(e.__context__))
with BadExit():
    pass
