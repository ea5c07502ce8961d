# Misuse of coroutines: reuse, awaiting non-awaitables, never-awaited.
async def f():
    return 1
c = f()
try:
    c.send(None)
except StopIteration as e:
    print("value", e.value)
try:
    c.send(None)
except RuntimeError as e:
    print("RuntimeError:", e)
async def bad():
    await 5
try:
    bad().send(None)
except TypeError as e:
    print("TypeError:", e)
class NotIter:
    def __await__(self):
        return 3
async def bad2():
    await NotIter()
try:
    bad2().send(None)
except TypeError as e:
    print("TypeError:", e)
c3 = f()
c3.close()
try:
    c3.send(None)
except RuntimeError as e:
    print("RuntimeError:", e)
