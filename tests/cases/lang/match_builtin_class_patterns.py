# Class patterns with builtin types take one positional sub-pattern matching the subject itself.
def f(v):
    match v:
        case bool(b):
            return f"bool {b}"
        case int(0):
            return "int zero"
        case int(n) if n < 0:
            return f"negative int {n}"
        case float(x) | (complex() as x):
            return f"inexact {x}"
        case str("") | bytes(b""):
            return "empty text"
        case list([x, y]):
            return f"list of two {x},{y}"
        case tuple((x, *_)):
            return f"tuple starting {x}"
        case dict({"k": v2}):
            return f"dict with k={v2}"
        case set() | frozenset():
            return "a set"
        case int():
            return "other int"
        case _:
            return "other"
for v in [True, 0, -4, 7, 1.5, 2j, "", b"", "s", [1, 2], [1], (9, 8), {"k": 1}, {1}, frozenset(), None]:
    print(repr(v), "->", f(v))
try:
    match 1j:
        case complex(z):
            pass
except TypeError as e:
    print("TypeError:", e)
