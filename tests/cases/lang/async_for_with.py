# async for with __aiter__/__anext__, async with with __aenter__/__aexit__.
class Tick:
    def __await__(self):
        yield "tick"
class ARange:
    def __init__(self, n): self.i, self.n = 0, n
    def __aiter__(self): return self
    async def __anext__(self):
        if self.i >= self.n:
            raise StopAsyncIteration
        await Tick()
        self.i += 1
        return self.i
class ACM:
    async def __aenter__(self):
        print("aenter")
        return "resource"
    async def __aexit__(self, et, ev, tb):
        print("aexit", et.__name__ if et else None)
        return et is KeyError
async def main():
    async for v in ARange(3):
        print("got", v)
    else:
        print("async for else")
    async with ACM() as r:
        print("using", r)
    async with ACM():
        raise KeyError("suppressed")
    print("after suppression")
    return "main done"
def run(c):
    ticks = 0
    while True:
        try:
            c.send(None)
            ticks += 1
        except StopIteration as e:
            print("ticks:", ticks, "result:", e.value)
            return
run(main())
