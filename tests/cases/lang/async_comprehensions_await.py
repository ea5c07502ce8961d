# await inside comprehensions and async comprehensions inside async functions.
class Val:
    def __init__(self, v): self.v = v
    def __await__(self):
        yield f"awaiting {self.v}"
        return self.v * 2
class ARange:
    def __init__(self, n): self.n, self.i = n, 0
    def __aiter__(self): return self
    async def __anext__(self):
        if self.i >= self.n: raise StopAsyncIteration
        self.i += 1
        return self.i
async def main():
    a = [await Val(i) for i in range(3)]
    b = [x async for x in ARange(3)]
    c = {x: await Val(x) async for x in ARange(2)}
    d = [y for y in [await Val(5)]]
    return a, b, c, d
coro = main()
log = []
try:
    while True:
        log.append(coro.send(None))
except StopIteration as e:
    print(e.value)
print(log)
