# Sequence patterns with star in every position, and non-sequence subjects.
def shape(s):
    match s:
        case []:
            return "empty"
        case [x]:
            return f"one {x}"
        case [first, *mid, last] if not mid:
            return f"pair {first},{last}"
        case [first, *mid, last]:
            return f"{first}..{mid}..{last}"
        case _:
            return "not a sequence"
for s in [[], (1,), [1, 2], [1, 2, 3, 4], range(5), "abc", b"ab", {"a": 1}, iter([1]), bytearray(b"x")]:
    print(type(s).__name__, shape(s))
match [1, [2, 3], (4, [5])]:
    case [a, [b, *_], (c, [d])]:
        print("nested", a, b, c, d)
match (1, 2, 3):
    case (*head, 3):
        print("head", head)
