# Mapping patterns: extra keys ignored, **rest collects them, value patterns as keys.
class Keys:
    ACTION = "action"
def handle(msg):
    match msg:
        case {"type": "move", "x": int(x), "y": int(y), **rest}:
            return f"move {x},{y} extra={sorted(rest)}"
        case {Keys.ACTION: "quit"}:
            return "quit"
        case {"type": str(t)} if t.startswith("x"):
            return "x-type " + t
        case {"type": t, **rest} if not rest:
            return "bare " + t
        case {}:
            return "some mapping"
        case _:
            return "not a mapping"
for m in [{"type": "move", "x": 1, "y": 2}, {"type": "move", "x": 1, "y": 2, "z": 3, "w": 4},
          {"action": "quit", "extra": 1}, {"type": "xray"}, {"type": "plain"}, {"type": "plain", "k": 1},
          {}, [("type", "move")]]:
    print(handle(m))
from collections import defaultdict
dd = defaultdict(int, {"a": 1})
match dd:
    case {"missing": _}:
        print("matched missing")
    case {"a": v}:
        print("a is", v, "missing not created:", "missing" in dd)
