# yield as an expression in many positions.
def g():
    x = yield
    print("x", x)
    y = (yield x) + 1
    print("y", y)
    z = [(yield "in list"), (yield "second")]
    print("z", z)
    w = f"{(yield 'in fstring')}!"
    print("w", w)
    d = {"k": (yield "in dict")}
    print("d", d)
    f((yield "as arg"))
    return "end"
def f(v):
    print("f got", v)
it = g()
print(next(it))
vals = iter(["one", 10, "a", "b", "c", "dv", "fa"])
try:
    while True:
        print("yielded", it.send(next(vals)))
except StopIteration as e:
    print("stop", e.value)
