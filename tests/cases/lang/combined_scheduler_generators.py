# Round-robin scheduler of generator tasks with send-based messaging.
from collections import deque
class Scheduler:
    def __init__(self):
        self.ready = deque()
        self.mail = {}
    def spawn(self, name, gen):
        self.ready.append((name, gen, None))
        self.mail[name] = deque()
    def run(self):
        while self.ready:
            name, gen, val = self.ready.popleft()
            try:
                req = gen.send(val)
            except StopIteration as e:
                print(f"{name} exited with {e.value!r}")
                continue
            match req:
                case ("send", to, msg):
                    self.mail[to].append((name, msg))
                    self.ready.append((name, gen, True))
                case ("recv",):
                    box = self.mail[name]
                    self.ready.append((name, gen, box.popleft() if box else None))
                case _:
                    self.ready.append((name, gen, None))
def pinger(n):
    for i in range(n):
        yield ("send", "pong", f"ping{i}")
    return "pinger done"
def ponger():
    got = []
    while len(got) < 3:
        m = yield ("recv",)
        if m:
            got.append(m[1])
    return got
s = Scheduler()
s.spawn("ping", pinger(3))
s.spawn("pong", ponger())
s.run()
