# Mapping patterns: key subsets, **rest, value patterns as keys, non-mappings.
def f(v):
    match v:
        case {"type": "point", "x": x, "y": y}:
            return f"point {x},{y}"
        case {"type": "circle", **rest}:
            return f"circle with {sorted(rest)}"
        case {}:
            return "some mapping"
        case _:
            return "not a mapping"
for v in [{"type": "point", "x": 1, "y": 2, "extra": 0},
          {"type": "circle", "r": 5, "c": (0, 0)},
          {"type": "other"}, {}, [("type", "point")], "type"]:
    print(f(v))
class Missing(dict):
    def __missing__(self, k):
        return "default"
match Missing(a=1):
    case {"b": val}:
        print("matched via __missing__?", val)
    case {"a": val}:
        print("a matched", val)
