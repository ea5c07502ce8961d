# Coroutine misuse: awaiting non-awaitables, reusing coroutines, never-awaited warnings aside.
class NotAwaitable: pass
async def bad_await():
    await NotAwaitable()
async def ok():
    return 1
def drive(c):
    try:
        c.send(None)
    except StopIteration as e:
        return e.value
try:
    drive(bad_await())
except TypeError as e:
    print("TypeError:", e)
c = ok()
print(drive(c))
try:
    drive(c)
except RuntimeError as e:
    print("RuntimeError:", e)
async def raises():
    raise ValueError("inside coroutine")
try:
    drive(raises())
except ValueError as e:
    print("ValueError:", e)
class BadAwait:
    def __await__(self): return 5
async def use_bad():
    await BadAwait()
try:
    drive(use_bad())
except TypeError as e:
    print("TypeError:", e)
async def thrower():
    try:
        await Tick()
    except KeyError:
        return "caught thrown KeyError"
class Tick:
    def __await__(self): yield
t = thrower()
t.send(None)
try:
    t.throw(KeyError)
except StopIteration as e:
    print(e.value)
drive(raises())
