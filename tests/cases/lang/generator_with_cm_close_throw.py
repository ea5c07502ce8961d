# Generators with context managers under close/throw; async generator awaitables' states.
def g():
    x = yield from h()
    return x
def h():
    yield 1
    return 2
import sys
class Ctx:
    def __enter__(self): return self
    def __exit__(self, *a):
        print("exit", a[0])
        return True
def gen():
    with Ctx():
        yield 1
        yield 2
it = gen(); next(it); it.close()
it = gen(); next(it)
try:
    it.throw(ValueError)
except StopIteration: print("stopiter after suppression")
def f():
    try:
        yield 1
    except GeneratorExit:
        raise ValueError("in close")
x = f(); next(x)
try: x.close()
except ValueError as e: print("close raised", e)
async def ag():
    yield 1
a = ag()
print(type(a.__anext__()).__name__, a.ag_running, a.ag_frame is not None)
print(a.__anext__().send.__name__)
try:
    a.__anext__().send(None)
except StopIteration as e:
    print("asend value", e.value)
aw = a.__anext__()
try: aw.send(None)
except StopAsyncIteration: print("SAI")
try: aw.send(None)
except RuntimeError as e: print(e)
def gg():
    yield
g2 = gg()
g2.send(None)
print(g2.gi_running)
print(sys.getrecursionlimit())
