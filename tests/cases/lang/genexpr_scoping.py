# The first iterable of a generator expression is evaluated eagerly.
def src(tag):
    print("src", tag)
    return range(3)
g = (x * y for x in src("outer") for y in src("inner"))
print("created")
print(list(g))
try:
    g2 = (x for x in 5)
except TypeError as e:
    print("TypeError:", e)
n = 10
g3 = (x + n for x in range(2))
n = 20
print(list(g3))
class C:
    v = 5
    items = list(i for i in range(v))
    try:
        bad = list(v for i in range(2))
    except NameError as e:
        err = str(e)
print(C.items, C.err)
print(sum(x for x in range(10) if x % 2), max((len(w), w) for w in "aa b cccc".split()))
