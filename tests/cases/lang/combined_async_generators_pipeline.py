# Combined: async generators feeding each other, driven by a minimal scheduler.
class Sleep:
    def __init__(self, ticks): self.ticks = ticks
    def __await__(self):
        for _ in range(self.ticks):
            yield
async def produce(n):
    for i in range(n):
        await Sleep(1)
        yield i
async def double(src):
    async for x in src:
        yield x * 2
async def consume():
    out = []
    async for v in double(produce(4)):
        out.append(v)
    return out
def run(coro):
    ticks = 0
    while True:
        try:
            coro.send(None)
            ticks += 1
        except StopIteration as e:
            return e.value, ticks
print(run(consume()))
