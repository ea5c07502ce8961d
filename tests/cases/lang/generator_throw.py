# throw() raises inside the generator at the paused yield.
def g():
    while True:
        try:
            yield "waiting"
        except ValueError as e:
            print("caught", e)
            yield "recovered"
gen = g()
print(next(gen))
print(gen.throw(ValueError("boom")))
print(next(gen))
try:
    gen.throw(KeyError("k"))
except KeyError as e:
    print("propagated KeyError", e)
print(next(gen, "exhausted"))
def h():
    yield 1
fresh = h()
try:
    fresh.throw(RuntimeError, "before start")
except RuntimeError as e:
    print("RuntimeError:", e)
print(next(fresh, "done"))
def tb():
    yield 1
t = tb()
next(t)
t.throw(ZeroDivisionError("thrown in"))
