# A tiny round-robin event loop running several coroutines interleaved.
class Yield:
    def __await__(self):
        yield
async def worker(name, n):
    for i in range(n):
        print(f"{name} step {i}")
        await Yield()
    return f"{name} done"
def run(*coros):
    queue = list(coros)
    results = {}
    while queue:
        c = queue.pop(0)
        try:
            c.send(None)
            queue.append(c)
        except StopIteration as e:
            results[c.__name__] = e.value
            print("finished:", e.value)
    return results
run(worker("a", 3), worker("b", 1), worker("c", 2))
