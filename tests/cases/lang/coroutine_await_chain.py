# await through nested coroutines, return values, and exceptions.
class Yield:
    def __await__(self):
        v = yield "suspend"
        return v
async def leaf(x):
    got = await Yield()
    if x < 0:
        raise ValueError(f"negative {x}")
    return x * 10 + got
async def mid(x):
    try:
        return await leaf(x) + 1
    except ValueError as e:
        print("mid caught", e)
        return -1
async def top():
    a = await mid(1)
    b = await mid(-2)
    return a, b
c = top()
print(c.send(None))
print(c.send(5))
try:
    c.send(7)
except StopIteration as e:
    print("result", e.value)
print(type(c).__name__, c.cr_frame)
