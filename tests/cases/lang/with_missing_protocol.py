# Objects lacking __enter__/__exit__ give a TypeError.
class NoEnter:
    def __exit__(self, *a): pass
class NoExit:
    def __enter__(self): return self
for obj in [NoEnter(), NoExit(), 5, None]:
    try:
        with obj:
            print("body")
    except TypeError as e:
        print("TypeError:", e)
class AttrCM:
    pass
a = AttrCM()
a.__enter__ = lambda: 1
a.__exit__ = lambda *x: None
try:
    with a:
        pass
except TypeError as e:
    print("instance attrs ignored:", e)
