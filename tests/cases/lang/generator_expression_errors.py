# Errors inside generator expressions surface lazily; genexp is a one-shot iterator.
g = (10 // x for x in [2, 1, 0, 5])
print(next(g), next(g))
try:
    next(g)
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)
print(list(g))
h = (c.upper() for c in "ab")
print(list(h), list(h))
print(iter(h) is h, type(h).__name__, h.__name__)
try:
    list(x for x in None)
except TypeError as e:
    print("TypeError:", e)
def gen_raise():
    yield 1
    raise StopIteration("inner")
try:
    list(gen_raise())
except RuntimeError as e:
    print("RuntimeError:", e, type(e.__cause__).__name__)
print(sum((i * i for i in range(5)), 100))
