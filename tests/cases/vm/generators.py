def gen(n):
    for i in range(n):
        got = yield i
        if got:
            print("got", got)
    return "done"
g = gen(3)
print(next(g), g.send("hello"), next(g))
try:
    next(g)
except StopIteration as e:
    print("stop", e.value)
def delegate():
    r = yield from gen(2)
    print("delegate got", r)
    yield 100
print(list(delegate()))
def closing():
    try:
        yield 1
        yield 2
    finally:
        print("finally ran")
c = closing()
print(next(c))
c.close()
def thrower():
    try:
        yield 1
    except ValueError as e:
        print("caught inside", e)
        yield 2
t = thrower()
print(next(t), t.throw(ValueError("boom")))
print(sum(x * x for x in range(10)), list(zip(gen(3), "abc")))
def stop_inside():
    yield 1
    raise StopIteration
try:
    list(stop_inside())
except RuntimeError as e:
    print(type(e).__name__, e, type(e.__cause__).__name__)
g2 = gen(1)
print(type(g2).__name__, g2.__name__, g2.__qualname__)
