# Evaluation order and merging at call sites with unpacking.
def show(*a, **k):
    return a, sorted(k.items())
def t(label, v):
    print("eval", label)
    return v
print(show(t("1", 1), *t("2", [2, 3]), t("3", 4), *t("4", ()), k=t("5", 5), **t("6", {"m": 6})))
print(show(**{"a": 1}, **{"b": 2}, c=3))
try:
    show(**{"a": 1}, **{"a": 2})
except TypeError as e:
    print("TypeError:", e)
try:
    show(*5)
except TypeError as e:
    print("TypeError:", e)
try:
    show(**[1])
except TypeError as e:
    print("TypeError:", e)
try:
    show(**{1: 2})
except TypeError as e:
    print("TypeError:", e)
class Keys:
    def keys(self): return ["x", "y"]
    def __getitem__(self, k): return k.upper()
print(show(**Keys()))
