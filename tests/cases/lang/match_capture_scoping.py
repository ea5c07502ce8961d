# Captures bind in the enclosing scope even when a later part fails.
def f(v):
    x = "unset"
    match v:
        case [x, 0]:
            return "matched", x
        case _:
            return "fallback", x
print(f([1, 0]))
print(f([2, 1]))
print(f("no"))
y = 0
match 42:
    case y if y > 100:
        print("big")
    case _:
        print("y after failed guard:", y)
match {"a": 1}:
    case {"a": z}:
        pass
print("z", z)
cmd = ("load", "file.txt")
match cmd:
    case ("load", name) | ("open", name):
        print("loading", name)
