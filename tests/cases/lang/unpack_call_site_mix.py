# Call-site unpacking: multiple * and ** in one call, generators, dict views, and duplicates.
def show(*a, **k): return a, dict(sorted(k.items()))
print(show(*[1], *(2, 3), *range(4, 5), *"ab"))
print(show(**{"a": 1}, **{"b": 2}, c=3))
print(show(*(x for x in range(3)), **dict.fromkeys("xy", 0)))
print(show(*{"k": 1}.keys(), *{"k": 1}.values()))
try:
    show(**{"a": 1}, a=2)
except TypeError as e:
    print("TypeError:", e)
class M:
    def keys(self): return ["p", "q"]
    def __getitem__(self, k): return k * 2
print(show(**M()))
def pos(a, b, c): return a + b + c
args = [1, 2]
print(pos(*args, 3), pos(0, *args), pos(*"abc"))
