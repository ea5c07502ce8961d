# Generator return values via StopIteration, in for loops and next() defaults.
def g(n):
    for i in range(n):
        yield i
    return f"returned after {n}"
it = g(2)
print(next(it), next(it))
try:
    next(it)
except StopIteration as e:
    print(repr(e.value), e.args)
print(next(g(0), "default"))
def wrapper():
    r = yield from g(1)
    yield r
print(list(wrapper()))
def returns_none():
    yield 1
    return
it2 = returns_none()
next(it2)
try:
    next(it2)
except StopIteration as e:
    print(e.value, e.args)
def returns_tuple():
    return (1, 2)
    yield
try:
    next(returns_tuple())
except StopIteration as e:
    print(e.value, e.args)
