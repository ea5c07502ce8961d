# types.coroutine generator-based coroutines awaited from native coroutines.
import types
@types.coroutine
def suspend(v):
    got = yield v
    return got * 2
async def native():
    a = await suspend("first")
    b = await suspend("second")
    return a + b
c = native()
print(c.send(None))
print(c.send(5))
try:
    c.send(7)
except StopIteration as e:
    print("result", e.value)
def plain_gen():
    yield 1
async def bad():
    await plain_gen()
try:
    bad().send(None)
except TypeError as e:
    print("TypeError:", e)
print(type(native).__name__, type(c).__name__, hasattr(c, "__await__"))
