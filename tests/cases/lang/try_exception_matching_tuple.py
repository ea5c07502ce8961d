# except clauses with tuples, subclasses, and computed expressions.
errs = (KeyError, IndexError)
def classify(exc):
    try:
        raise exc
    except errs as e:
        return "lookup:" + type(e).__name__
    except (ArithmeticError, TypeError) as e:
        return "math/type:" + type(e).__name__
    except [ValueError][0]:
        return "value"
    except Exception as e:
        return "other:" + type(e).__name__
for exc in [KeyError("a"), IndexError, ZeroDivisionError, OverflowError("o"),
            TypeError, ValueError, UnicodeDecodeError("utf-8", b"\xff", 0, 1, "bad"), RuntimeError]:
    print(classify(exc))
try:
    try:
        raise ValueError
    except "not a class":
        pass
except TypeError as e:
    print("TypeError:", e)
