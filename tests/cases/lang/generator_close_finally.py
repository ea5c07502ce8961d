# close() runs finally blocks; yielding in finally during close is an error.
def g1():
    try:
        yield 1
        yield 2
    finally:
        print("g1 cleanup")
a = g1()
print(next(a))
a.close()
a.close()
print(list(a))
def g2():
    try:
        yield 1
    except GeneratorExit:
        print("caught exit")
        yield "nope"
b = g2()
next(b)
try:
    b.close()
except RuntimeError as e:
    print("RuntimeError:", e)
def g3():
    try:
        yield 1
    except GeneratorExit:
        print("returning on exit")
        return "ret"
c = g3()
next(c)
print(c.close())
def g4():
    yield 1
d = g4()
d.close()
print(list(d))
