# Guards, as-patterns, or-patterns with bindings, value patterns (dotted names).
class Color:
    RED = "red"
    GREEN = "green"
def f(v):
    match v:
        case (1 | 2) as small:
            return f"small {small}"
        case [x, y] | (x, y, _) if x == y:
            return f"pair-ish equal {x}"
        case Color.RED:
            return "the red constant"
        case str(s) if len(s) > 3:
            return f"long string {s}"
        case int() | str() as thing:
            return f"int-or-str {thing!r}"
    return "fell through"
for v in [1, 2, [3, 3], (4, 4, 9), [3, 4], "red", "green", "longer", 7, 3.0]:
    print(repr(v), "->", f(v))
def g(n):
    match n:
        case x if (print("guard evaluated for", x) or x > 2):
            return "big"
        case _:
            return "small"
print(g(1), g(5))
