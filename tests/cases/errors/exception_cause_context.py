def show(e):
    print(type(e).__name__, e, "| cause:", repr(e.__cause__), "| context:", repr(e.__context__), "| suppress:", e.__suppress_context__)
try:
    try:
        1 / 0
    except ZeroDivisionError:
        raise KeyError("k")
except KeyError as e:
    show(e)
try:
    try:
        1 / 0
    except ZeroDivisionError as z:
        raise KeyError("k") from z
except KeyError as e:
    show(e)
try:
    try:
        1 / 0
    except ZeroDivisionError:
        raise KeyError("k") from None
except KeyError as e:
    show(e)
try:
    raise ValueError("v") from TypeError("t")
except ValueError as e:
    show(e)
try:
    raise ValueError from TypeError
except ValueError as e:
    show(e)
try:
    raise ValueError("x") from 5
except TypeError as e:
    show(e)
err = RuntimeError("r")
err.__cause__ = KeyError("manual")
print(repr(err.__cause__), err.__suppress_context__)
err.__context__ = None
try:
    err.__cause__ = "bad"
except TypeError as e:
    print(e)
def reraise():
    try:
        raise ValueError("inner")
    except ValueError:
        raise
try:
    reraise()
except ValueError as e:
    show(e)
try:
    try:
        raise ValueError("a")
    finally:
        pass
except ValueError as e:
    show(e)
