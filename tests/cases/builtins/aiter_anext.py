class AIt:
    def __init__(self, n):
        self.i = 0
        self.n = n
    def __aiter__(self):
        return self
    async def __anext__(self):
        if self.i >= self.n:
            raise StopAsyncIteration
        self.i += 1
        return self.i
def drive(coro):
    try:
        coro.send(None)
    except StopIteration as e:
        return e.value
    raise RuntimeError("coroutine suspended")
async def collect():
    out = []
    async for v in aiter(AIt(3)):
        out.append(v)
    it = aiter(AIt(1))
    out.append(await anext(it))
    out.append(await anext(it, "default"))
    return out
print(drive(collect()))
async def agen():
    yield "g1"
    yield "g2"
async def use_agen():
    g = agen()
    return [await anext(g), await anext(g), await anext(g, "done")]
print(drive(use_agen()))
try:
    aiter(5)
except TypeError as e:
    print(e)
try:
    anext(5)
except TypeError as e:
    print(e)
async def exhausted():
    return await anext(AIt(0))
try:
    drive(exhausted())
except StopAsyncIteration as e:
    print("StopAsyncIteration", e.args)
