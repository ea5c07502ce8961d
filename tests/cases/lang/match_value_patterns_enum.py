# Value patterns with dotted names, including enums and class constants.
import enum
class Color(enum.Enum):
    RED = 1
    GREEN = 2
class Limits:
    LOW = 10
    HIGH = 100
def check(v):
    match v:
        case Color.RED:
            return "red"
        case Color.GREEN:
            return "green"
        case Limits.LOW:
            return "low"
        case Limits.HIGH:
            return "high"
        case other:
            return f"other({other!r})"
for v in [Color.RED, Color.GREEN, 10, 100.0, 1, "RED"]:
    print(check(v))
try:
    compile("match v:\n case RED: pass\n case 1: pass\n", "<s>", "exec")
except SyntaxError as e:
    print("SyntaxError:", e.msg)
