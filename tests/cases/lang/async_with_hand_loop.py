# async with: __aenter__/__aexit__ ordering and exception suppression.
class Pause:
    def __await__(self):
        yield
class ACM:
    def __init__(self, name, suppress=False):
        self.name, self.suppress = name, suppress
    async def __aenter__(self):
        await Pause()
        print("enter", self.name)
        return self.name.upper()
    async def __aexit__(self, et, ev, tb):
        await Pause()
        print("exit", self.name, et.__name__ if et else None)
        return self.suppress
async def main():
    async with ACM("a") as a, ACM("b") as b:
        print("body", a, b)
    async with ACM("s", suppress=True):
        raise KeyError("hidden")
    print("after suppressed")
    try:
        async with ACM("n"):
            raise ValueError("shown")
    except ValueError as e:
        print("caught", e)
    return "ok"
c = main()
while True:
    try:
        c.send(None)
    except StopIteration as e:
        print(e.value)
        break
