# Generator expressions: lazy, first iterable evaluated eagerly, single pass.
def src():
    print("src evaluated")
    return [1, 2, 3]
g = (x * 2 for x in src())
print("created")
print(next(g), list(g), list(g))
print(sum(x for x in range(10) if x % 2))
print(list((a, b) for a in range(2) for b in "xy"))
try:
    gen = (1 / x for x in [1, 0])
    print(next(gen))
    next(gen)
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)
try:
    (x for x in 5)
except TypeError as e:
    print("TypeError at creation:", e)
print(max((len(w), w) for w in "the quick brown fox".split()))
