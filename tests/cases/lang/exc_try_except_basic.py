# try/except matching by class, tuple of classes, base classes, and bare except.
def risky(kind):
    if kind == 1: raise ValueError("v")
    if kind == 2: raise KeyError("k")
    if kind == 3: raise ZeroDivisionError("z")
    if kind == 4: raise SystemExit(3)
    return "ok"
for k in range(6):
    try:
        r = risky(k)
    except ValueError as e:
        print(k, "ValueError", e)
    except (KeyError, IndexError) as e:
        print(k, "Key/Index", repr(e))
    except ArithmeticError as e:
        print(k, "Arithmetic", type(e).__name__)
    except:
        print(k, "bare except")
    else:
        print(k, "else", r)
