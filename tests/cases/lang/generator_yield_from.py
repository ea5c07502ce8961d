# yield from delegates next/send/throw/close to the subiterator.
def sub():
    try:
        x = yield 1
        print("sub got", x)
        y = yield 2
        print("sub got", y)
    except KeyError:
        print("sub caught KeyError")
        yield "after KeyError"
    finally:
        print("sub finally")
def deleg():
    yield "start"
    yield from sub()
    yield "end"
g = deleg()
print(next(g))
print(next(g))
print(g.send("hello"))
print(g.throw(KeyError))
print(next(g))
print(next(g, "done"))
g2 = deleg()
next(g2); next(g2)
g2.close()
print(list(deleg()))
def from_iterables():
    yield from [1, 2]
    yield from "ab"
    yield from range(3, 5)
print(list(from_iterables()))
