# A traceback through several awaits shows every coroutine frame.
class Step:
    def __await__(self):
        yield
async def leaf(n):
    await Step()
    return 10 // n
async def middle(n):
    return await leaf(n) + 1
async def top():
    r = await middle(1)
    print("first ok", r)
    return await middle(0)
c = top()
try:
    while True:
        c.send(None)
except StopIteration:
    pass
