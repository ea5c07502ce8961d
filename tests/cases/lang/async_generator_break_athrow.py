# Async generator cleanup after break, athrow propagation, and exhaustion.
async def agen():
    try:
        yield 1
        yield 2
    finally:
        print("agen cleanup")
class Step:
    def __await__(self):
        yield
async def main():
    async for v in agen():
        print("v", v)
        break
    ag = agen()
    await ag.asend(None)
    try:
        await ag.athrow(KeyError("thrown"))
    except KeyError as e:
        print("athrow propagated", e)
    try:
        await ag.asend(None)
    except StopAsyncIteration:
        print("exhausted")
    return "ok"
c = main()
try:
    while True:
        c.send(None)
except StopIteration as e:
    print(e.value)
