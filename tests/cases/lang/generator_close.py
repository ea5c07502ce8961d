# close() raises GeneratorExit at the yield; finally runs; yielding during close is an error.
def g():
    try:
        yield 1
        yield 2
    finally:
        print("cleanup")
x = g()
print(next(x))
x.close()
print("closed")
x.close()
print(next(x, "exhausted"))
def stubborn():
    try:
        yield 1
    except GeneratorExit:
        print("got GeneratorExit")
        yield "refuse"
s = stubborn()
next(s)
try:
    s.close()
except RuntimeError as e:
    print("RuntimeError:", e)
def returns_on_exit():
    try:
        yield 1
    except GeneratorExit:
        print("exiting quietly")
        return
r = returns_on_exit()
next(r)
print(r.close())
unstarted = g()
unstarted.close()
print("unstarted closed without cleanup")
