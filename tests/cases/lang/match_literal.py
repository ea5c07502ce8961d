# match with literal patterns, or-patterns, wildcard, and no match.
def describe(x):
    match x:
        case 0:
            return "zero"
        case 1 | 2 | 3:
            return "small"
        case "hello":
            return "greeting"
        case True:
            return "true"
        case None:
            return "none"
        case -1.5:
            return "negative float"
        case b"raw":
            return "bytes"
        case _:
            return "other"
for v in [0, 1, 3, "hello", True, None, -1.5, b"raw", 1.0, 0.0, False, 99]:
    print(repr(v), describe(v))
match 42:
    case 1:
        print("not reached")
print("no case matched, no error")
