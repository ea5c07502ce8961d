# Capture patterns bind names; the binding persists after the match.
def f(v):
    match v:
        case [x]:
            return f"one item {x}"
        case [x, y]:
            return f"two items {x} {y}"
        case other:
            return f"captured {other!r}"
print(f([1]), f((1, 2)), f("str"), f([1, 2, 3]))
match (1, 2):
    case (a, b):
        pass
print(a, b)
match 5:
    case _:
        print("wildcard never binds")
try:
    _
except NameError as e:
    print("NameError:", e)
