# Exceptions in the else clause are not handled by the same try's except clauses.
def f():
    try:
        x = 1
    except ValueError:
        print("not here")
    else:
        raise ValueError("from else")
try:
    f()
except ValueError as e:
    print("outer caught:", e)
def g():
    try:
        return "try"
    except Exception:
        pass
    else:
        print("else never runs after return")
    finally:
        print("finally")
print(g())
def nested():
    try:
        try:
            raise KeyError("k")
        finally:
            print("inner finally")
    except KeyError:
        print("outer except")
    finally:
        print("outer finally")
nested()
