# Star patterns in the middle of sequences and **rest in mappings.
def seq(v):
    match v:
        case [a, *mid, z] if mid:
            return f"{a} [{', '.join(map(str, mid))}] {z}"
        case [*all_items]:
            return f"short {all_items}"
for v in [[1, 2, 3, 4], (1, 2), [], "no"]:
    try:
        print(seq(v))
    except Exception as e:
        print(type(e).__name__, e)
print(seq("no"))
def mp(v):
    match v:
        case {"id": i, **rest}:
            return i, rest
print(mp({"id": 1, "x": 2, "y": 3}), mp({"id": 2}), mp({"other": 1}))
