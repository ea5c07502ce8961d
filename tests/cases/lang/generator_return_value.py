# return in a generator sets StopIteration.value; yield from returns it.
def inner():
    yield "a"
    yield "b"
    return "inner result"
def outer():
    r = yield from inner()
    print("inner returned", r)
    return "outer result"
g = outer()
for v in g:
    print(v)
g = outer()
try:
    while True:
        next(g)
except StopIteration as e:
    print("value:", e.value)
def early():
    return 5
    yield
try:
    next(early())
except StopIteration as e:
    print("early value", e.value, e.args)
