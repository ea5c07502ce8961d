# Async generator: aclose runs finally; athrow; yield inside finally during aclose.
class Nop:
    def __await__(self):
        yield
async def agen():
    try:
        yield 1
        await Nop()
        yield 2
    except ValueError as e:
        print("agen caught", e)
        yield "after-throw"
    finally:
        print("agen finally")
def drive(c):
    while True:
        try:
            c.send(None)
        except StopIteration as e:
            return e.value
async def main():
    g = agen()
    print(await g.__anext__())
    print(await g.athrow(ValueError("v")))
    await g.aclose()
    g2 = agen()
    print(await g2.asend(None))
    await g2.aclose()
    async def bad():
        try:
            yield 1
        finally:
            yield 2
    b = bad()
    await b.__anext__()
    try:
        await b.aclose()
    except RuntimeError as e:
        print("RuntimeError:", e)
    return "end"
print(drive(main()))
