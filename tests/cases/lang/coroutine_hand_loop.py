# A tiny event loop driving coroutines through a custom awaitable.
class Sleep:
    def __init__(self, ticks):
        self.ticks = ticks
    def __await__(self):
        for _ in range(self.ticks):
            yield "tick"
        return self.ticks
async def task(name, ticks):
    print(name, "start")
    waited = await Sleep(ticks)
    print(name, "woke after", waited)
    return name.upper()
def run(coros):
    results = {}
    queue = list(coros)
    step = 0
    while queue:
        c = queue.pop(0)
        try:
            c.send(None)
            queue.append(c)
        except StopIteration as e:
            results[c.__name__ + str(step)] = e.value
            print("finished", e.value, "at step", step)
        step += 1
    return results
print(len(run([task("a", 2), task("b", 0), task("c", 1)])))
