# Combined: decorators registering handlers, closures, *args/**kwargs forwarding, exceptions in handlers.
class Events:
    def __init__(self): self.handlers = {}
    def on(self, name, *, priority=0):
        def register(fn):
            self.handlers.setdefault(name, []).append((priority, fn))
            return fn
        return register
    def emit(self, name, *args, **kwargs):
        results = []
        for prio, fn in sorted(self.handlers.get(name, []), key=lambda p: -p[0]):
            try:
                results.append(fn(*args, **kwargs))
            except Exception as e:
                results.append(f"{fn.__name__} failed: {e!r}")
        return results
bus = Events()
@bus.on("greet")
def hello(who, punct="!"): return f"hello {who}{punct}"
@bus.on("greet", priority=5)
def loud(who, **kw): return f"HELLO {who.upper()}"
@bus.on("greet", priority=-1)
def broken(who, **kw): return 1 / 0
print(bus.emit("greet", "ann", punct="?"))
print(bus.emit("nothing"))
print(sorted(bus.handlers), [f.__name__ for _, f in bus.handlers["greet"]])
