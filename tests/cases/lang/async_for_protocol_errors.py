# async for / async with on objects missing the async protocol.
def drive(c):
    try:
        while True:
            c.send(None)
    except StopIteration as e:
        return e.value
async def for_over_list():
    async for x in [1, 2]:
        pass
async def with_sync_cm():
    class CM:
        def __enter__(self): return self
        def __exit__(self, *a): pass
    async with CM():
        pass
class BadANext:
    def __aiter__(self): return self
    def __anext__(self): return 5
async def for_bad_anext():
    async for x in BadANext():
        pass
class AIter:
    def __init__(self): self.n = 0
    def __aiter__(self): return self
    async def __anext__(self):
        self.n += 1
        if self.n > 3:
            raise StopAsyncIteration
        return self.n
async def good():
    out = []
    async for v in AIter():
        out.append(v)
    else:
        out.append("else")
    return out
for fn in [for_over_list, with_sync_cm, for_bad_anext, good]:
    try:
        print(fn.__name__, drive(fn()))
    except (TypeError, AttributeError) as e:
        print(fn.__name__, type(e).__name__ + ":", e)
