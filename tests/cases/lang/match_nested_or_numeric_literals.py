# Nested or-patterns, deep sequence stars, and literal matching across numeric types.
match (1, 2):
    case (1, x) if x > 5:
        print("big")
    case (1, x):
        print("x", x)
def f(v):
    match v:
        case {"a": [1, {"b": x}]} | {"c": x}:
            return x
        case [1, [2, [3, *rest]]]:
            return rest
print(f({"a": [1, {"b": "deep"}]}), f({"c": 5}), f([1, [2, [3, 4, 5]]]), f(0))
import enum
class Op(enum.IntEnum):
    ADD = 1
match 1:
    case Op.ADD:
        print("int matches IntEnum value")
match 1.0:
    case 1:
        print("float 1.0 matches literal 1")
match True:
    case 1:
        print("True matches 1")
match 1:
    case True:
        print("no")
    case _:
        print("1 does not match True (identity)")
