# Async generators and async for, driven without asyncio.
class Tick:
    def __await__(self):
        yield
async def ticker(n):
    for i in range(n):
        await Tick()
        yield i
    print("ticker done")
async def consumer():
    out = []
    async for v in ticker(3):
        out.append(v * v)
    agen = ticker(5)
    out.append(await agen.__anext__())
    out.append(await agen.asend(None))
    await agen.aclose()
    try:
        await agen.__anext__()
    except StopAsyncIteration:
        out.append("stopped")
    return out
def run(coro):
    steps = 0
    while True:
        try:
            coro.send(None)
            steps += 1
        except StopIteration as e:
            return e.value, steps
print(run(consumer()))
