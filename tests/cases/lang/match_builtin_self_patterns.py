# Builtin classes match their subject positionally by itself.
def kind(v):
    match v:
        case bool(b):
            return f"bool {b}"
        case int(n) if n < 0:
            return f"negative int {n}"
        case int(n):
            return f"int {n}"
        case float(f) | complex(real=f):
            return f"number {f}"
        case str() as s if not s:
            return "empty str"
        case str(s):
            return f"str {s}"
        case list([x, *_]):
            return f"list starting {x}"
        case dict({"k": v2}):
            return f"dict k={v2}"
        case tuple((a, b)):
            return f"pair {a} {b}"
        case _:
            return "something else"
for v in [True, -3, 7, 2.5, 1j, "", "s", [9, 8], [], {"k": 1}, (1, 2), (1, 2, 3), None]:
    print(kind(v))
