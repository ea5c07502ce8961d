# A hand-written event loop with futures, callbacks and task results.
class Future:
    def __init__(self):
        self.done, self.result, self.callbacks = False, None, []
    def set_result(self, v):
        self.done, self.result = True, v
        for cb in self.callbacks:
            cb(self)
    def __await__(self):
        if not self.done:
            yield self
        return self.result
class Loop:
    def __init__(self):
        self.ready, self.time, self.timers, self.seq = [], 0, [], 0
    def call_later(self, delay, fn):
        self.seq += 1
        self.timers.append((self.time + delay, self.seq, fn))
    def sleep(self, delay, value=None):
        f = Future()
        self.call_later(delay, lambda: f.set_result(value))
        return f
    def create_task(self, coro):
        result = Future()
        def step(_=None):
            try:
                fut = coro.send(None)
            except StopIteration as e:
                result.set_result(e.value)
                return
            fut.callbacks.append(lambda f: self.ready.append(step))
        self.ready.append(step)
        return result
    def run(self):
        while self.ready or self.timers:
            while self.ready:
                self.ready.pop(0)()
            if self.timers:
                self.timers.sort()
                self.time, _, fn = self.timers.pop(0)
                fn()
loop = Loop()
async def worker(name, delays):
    total = 0
    for d in delays:
        v = await loop.sleep(d, d * 10)
        print(f"t={loop.time} {name} got {v}")
        total += v
    return total
async def main():
    a = loop.create_task(worker("A", [2, 1]))
    b = loop.create_task(worker("B", [1, 1, 1]))
    ra, rb = await a, await b
    print("results", ra, rb, "at", loop.time)
loop.create_task(main())
loop.run()
