# Generators as command processors driven by send with match inside.
def gen():
    received = []
    try:
        while True:
            received.append((yield len(received)))
    except GeneratorExit:
        print("closing with", received)
        raise
g = gen()
next(g)
for w in "abc":
    g.send(w)
g.close()
def counter():
    i = 0
    while True:
        cmd = yield i
        match cmd:
            case "reset": i = 0
            case int(n): i += n
            case None: i += 1
            case _: raise ValueError(cmd)
c = counter()
print(next(c), c.send(5), c.send(None), c.send("reset"), next(c))
try:
    c.send("boom")
except ValueError as e:
    print("ValueError", e, c.gi_frame)
