# Async generators: async def with yield, driven manually via __anext__ / asend / aclose.
async def agen(n):
    try:
        for i in range(n):
            yield i
    finally:
        print("agen finally")
def drive(aw):
    try:
        aw.send(None)
    except StopIteration as e:
        return e.value
    raise RuntimeError("unexpected suspension")
g = agen(3)
print(type(g).__name__)
print(drive(g.__anext__()))
print(drive(g.asend(None)))
drive(g.aclose())
try:
    drive(g.__anext__())
except StopAsyncIteration:
    print("StopAsyncIteration after aclose")
async def collect():
    return [x async for x in agen(2)]
print(drive(collect()))
async def comp():
    return {x: x * x async for x in agen(3) if x}
print(drive(comp()))
