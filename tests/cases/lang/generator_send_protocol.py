# send() driving an accumulator; first send must be None.
def averager():
    total = 0.0
    n = 0
    avg = None
    while True:
        v = yield avg
        if v is None:
            break
        total += v
        n += 1
        avg = total / n
    return ("done", n, avg)
g = averager()
try:
    g.send(5)
except TypeError as e:
    print("TypeError:", e)
print(next(g))
for v in [10, 20, 30, 5]:
    print(g.send(v))
try:
    g.send(None)
except StopIteration as e:
    print("stop", e.value)
print(g.gi_frame, g.gi_running)
try:
    next(g)
except StopIteration as e:
    print("again", e.value)
