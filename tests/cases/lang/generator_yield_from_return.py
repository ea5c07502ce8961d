# yield from returns the sub-generator's return value and forwards send/throw.
def sub(n):
    total = 0
    for i in range(n):
        x = yield i
        if x:
            total += x
    return total
def outer():
    r1 = yield from sub(2)
    print("r1", r1)
    r2 = yield from sub(3)
    print("r2", r2)
    return r1 + r2
g = outer()
print(next(g))
print(g.send(10))
print(g.send(20))
print(g.send(1))
print(g.send(2))
try:
    g.send(3)
except StopIteration as e:
    print("final", e.value)
def delegating():
    yield from [1, 2]
    yield from "ab"
    r = yield from iter(())
    return r
print(list(delegating()))
