# Generators: lazy evaluation, StopIteration at the end, state across yields.
def gen():
    print("start")
    yield 1
    print("middle")
    yield 2
    print("end")
g = gen()
print(type(g).__name__)
print(next(g))
print(next(g))
try:
    next(g)
except StopIteration as e:
    print("StopIteration", e.value)
print(next(g, "default"))
print(list(gen()))
def countup(n):
    i = 0
    while i < n:
        yield i
        i += 1
print(sum(countup(101)))
print(g.__name__, g.__qualname__)
