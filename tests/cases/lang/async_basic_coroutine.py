# Coroutines driven by hand with send(None); await on a custom awaitable.
class Suspend:
    def __init__(self, tag): self.tag = tag
    def __await__(self):
        got = yield self.tag
        return f"resumed with {got}"
async def work(n):
    r = await Suspend(f"step{n}")
    print("work got:", r)
    return n * 10
async def main():
    a = await work(1)
    b = await work(2)
    return a + b
coro = main()
print(type(coro).__name__)
print(coro.send(None))
print(coro.send("x"))
try:
    coro.send("y")
except StopIteration as e:
    print("main returned", e.value)
print(main.__code__.co_flags & 0x80 != 0)
c = main()
c.close()
print("closed unstarted coroutine")
