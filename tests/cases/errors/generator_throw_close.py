def gen():
    try:
        yield 1
        yield 2
    except ValueError as e:
        print("caught in gen:", e)
        yield "recovered"
    finally:
        print("gen finally")
g = gen()
print(next(g))
print(g.throw(ValueError("thrown")))
g.close()
g2 = gen()
next(g2)
try:
    g2.throw(TypeError("not caught"))
except TypeError as e:
    print("propagated:", e)
def stubborn():
    try:
        yield 1
    except GeneratorExit:
        yield "ignored exit"
s = stubborn()
next(s)
try:
    s.close()
except RuntimeError as e:
    print(e)
g3 = gen()
try:
    g3.throw(KeyError("before start"))
except KeyError as e:
    print("unstarted:", repr(e))
def running():
    yield me.send(None)
me = running()
try:
    next(me)
except ValueError as e:
    print(e)
g4 = gen()
print(next(g4))
try:
    g4.send("x") and g4.send("y") and g4.send("z")
except StopIteration:
    print("exhausted")
try:
    gen().send("non-none")
except TypeError as e:
    print(e)
