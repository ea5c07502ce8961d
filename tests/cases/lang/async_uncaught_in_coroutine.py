# Uncaught exception out of a coroutine driven by hand: traceback through awaits.
class Pause:
    def __await__(self):
        yield
async def inner(d):
    await Pause()
    return d["missing"]
async def outer():
    return await inner({"present": 1})
c = outer()
c.send(None)
c.send(None)
