# Coroutines driven by hand, async generators, async with/for, except*.
class Tick:
    def __await__(self):
        value = yield "tick"
        return value
async def worker(n):
    got = await Tick()
    return n * 2, got
c = worker(5)
print(c.send(None))
try:
    c.send("resumed")
except StopIteration as e:
    print("result", e.value)
async def agen(n):
    for i in range(n):
        yield i
        await Tick()
class ACtx:
    async def __aenter__(self):
        print("aenter")
        return self
    async def __aexit__(self, *exc):
        print("aexit", exc[0])
        return False
async def main():
    out = []
    async with ACtx():
        async for v in agen(3):
            out.append(v)
    out.append([x async for x in agen(2)])
    return out
def run(coro):
    try:
        while True:
            coro.send(None)
    except StopIteration as e:
        return e.value
print(run(main()))
def groups():
    try:
        raise ExceptionGroup("many", [ValueError(1), TypeError(2), ValueError(3)])
    except* ValueError as g:
        print("values", g.exceptions)
    except* TypeError as g:
        print("types", g.exceptions)
groups()
eg = ExceptionGroup("eg", [KeyError("a"), ValueError("b")])
match, rest = eg.split(KeyError)
print(repr(match), repr(rest), eg.subgroup(lambda e: isinstance(e, ValueError)))
raise ExceptionGroup("top", [ValueError("x"), ExceptionGroup("inner", [TypeError("y")])])
