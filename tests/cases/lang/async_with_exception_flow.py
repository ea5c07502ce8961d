# async with: exceptions reach __aexit__, which may await and suppress or re-raise.
class Step:
    def __await__(self): yield
class Guard:
    def __init__(self, suppress): self.suppress = suppress
    async def __aenter__(self):
        await Step()
        print("entered")
        return self
    async def __aexit__(self, et, ev, tb):
        await Step()
        print("aexit saw", et.__name__ if et else None)
        return self.suppress
async def main():
    async with Guard(True):
        raise KeyError("hidden")
    try:
        async with Guard(False):
            raise ValueError("visible")
    except ValueError as e:
        print("caught", e)
    async with Guard(False) as g:
        return "returned from inside"
c = main()
steps = 0
while True:
    try:
        c.send(None); steps += 1
    except StopIteration as e:
        print(e.value, "steps:", steps)
        break
class NotAsync:
    def __enter__(self): return self
    def __exit__(self, *a): pass
async def wrong():
    async with NotAsync():
        pass
try:
    wrong().send(None)
except TypeError as e:
    print("TypeError:", e)
async def wrong_for():
    async for x in [1, 2]:
        pass
try:
    wrong_for().send(None)
except TypeError as e:
    print("TypeError:", e)
