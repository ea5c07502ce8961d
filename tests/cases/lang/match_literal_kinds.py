# Literal patterns: ints, strings, None/True/False identity, negative and complex.
def what(v):
    match v:
        case 0:
            return "zero"
        case -1:
            return "minus one"
        case 1.5:
            return "one and a half"
        case 2 + 3j:
            return "complex"
        case "hi" "!":
            return "greeting"
        case b"raw":
            return "bytes"
        case True:
            return "True"
        case None:
            return "None"
        case _:
            return "other " + repr(v)
for v in [0, 0.0, False, -1, 1.5, 2 + 3j, "hi!", b"raw", True, 1, None, [], "0"]:
    print(repr(v), "->", what(v))
