# After an exception escapes a generator, it is finished; send on a finished generator raises StopIteration.
def g():
    yield 1
    raise KeyError("inside")
    yield 2
it = g()
print(next(it))
try:
    next(it)
except KeyError as e:
    print("KeyError:", e)
print(next(it, "finished"))
try:
    it.send(5)
except StopIteration:
    print("send on finished generator: StopIteration")
def h():
    yield from g2()
def g2():
    yield "a"
gen = h()
next(gen)
print(gen.gi_yieldfrom is not None, type(gen.gi_yieldfrom).__name__)
print(list(gen), gen.gi_yieldfrom)
def closes_badly():
    try:
        yield 1
    finally:
        raise ValueError("error during close")
cb = closes_badly()
next(cb)
try:
    cb.close()
except ValueError as e:
    print("ValueError from close:", e)
