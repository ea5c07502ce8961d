# Truthiness of __exit__'s return decides suppression; exit sees the exception.
class CM:
    def __init__(self, ret):
        self.ret = ret
    def __enter__(self):
        return self
    def __exit__(self, *exc):
        print("exit got", exc[0].__name__ if exc[0] else None, repr(exc[1]) if exc[1] else None)
        return self.ret
for ret in [None, 0, "", "yes", 1, [1]]:
    try:
        with CM(ret):
            raise KeyError(ret)
        print(repr(ret), "suppressed")
    except KeyError:
        print(repr(ret), "propagated")
def f():
    with CM(True):
        return "returned"
print(f())
def g():
    for i in range(3):
        with CM(False):
            if i == 1:
                continue
            if i == 2:
                break
            print("i", i)
    return i
print(g())
