def gen():
    yield 1
    return "retval"
g = gen()
print(next(g))
try:
    next(g)
except StopIteration as e:
    print("value:", e.value, e.args)
try:
    next(g)
except StopIteration as e:
    print("again:", e.value, e.args)
def bad():
    raise StopIteration("inside")
    yield
try:
    next(bad())
except RuntimeError as e:
    print(type(e).__name__, e, repr(e.__cause__))
def delegate():
    r = yield from gen()
    print("delegated result", r)
print(list(delegate()))
it = iter([])
print(next(it, "default"))
class MyIter:
    def __iter__(self):
        return self
    def __next__(self):
        raise StopIteration(42)
print(list(MyIter()))
