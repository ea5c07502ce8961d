# Sequence patterns: fixed length, star captures, nested, and str/bytes are not sequences.
def f(v):
    match v:
        case []:
            return "empty"
        case [first, *rest] if not rest:
            return f"single {first}"
        case [0, *_]:
            return "starts with 0"
        case [first, *middle, last]:
            return f"first={first} middle={middle} last={last}"
        case _:
            return "not a sequence"
for v in [[], [7], (0, 1, 2), [1, 2, 3, 4], range(3, 6), "abc", b"ab", {1: 2}, 5]:
    print(repr(v), "->", f(v))
match [1, [2, [3, 4]]]:
    case [a, [b, [c, d]]]:
        print(a + b + c + d)
match (1, 2):
    case [x, y, *z]:
        print("list pattern matches tuple", x, y, z)
