# Uncaught exception out of an async generator driven by hand.
class Tick:
    def __await__(self):
        yield
async def numbers():
    for i in range(3):
        await Tick()
        if i == 2:
            raise LookupError(f"no value {i}")
        yield i
async def consume():
    async for n in numbers():
        print("got", n)
c = consume()
while True:
    c.send(None)
