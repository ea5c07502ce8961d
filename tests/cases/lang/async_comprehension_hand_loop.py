# Async comprehensions of every kind inside a coroutine.
class Step:
    def __await__(self):
        yield
async def agen(n):
    for i in range(n):
        await Step()
        yield i
async def double(x):
    await Step()
    return x * 2
async def main():
    a = [x async for x in agen(4)]
    b = {x: await double(x) async for x in agen(3)}
    c = {x % 2 async for x in agen(5)}
    d = [await double(x) for x in range(3)]
    e = [y async for x in agen(3) for y in range(x)]
    g = (x + 1 async for x in agen(3))
    f = [v async for v in g]
    return a, b, sorted(c), d, e, f
co = main()
n = 0
while True:
    try:
        co.send(None)
        n += 1
    except StopIteration as e:
        print(e.value, n)
        break
