# Interactions of return/raise between try, except, and finally.
def f1():
    try:
        raise ValueError("a")
    except ValueError:
        return "from except"
    finally:
        print("f1 finally")
def f2():
    try:
        return "try"
    finally:
        raise KeyError("finally wins")
def f3():
    try:
        raise ValueError("first")
    except ValueError:
        raise TypeError("second")
    finally:
        print("f3 finally")
def f4():
    for i in range(3):
        try:
            return i
        finally:
            if i < 2:
                continue
def f5():
    while True:
        try:
            raise ValueError
        except ValueError:
            return "except return"
        finally:
            break
    return "after loop"
print(f1())
for f in (f2, f3):
    try:
        f()
    except Exception as e:
        print(f.__name__, type(e).__name__, e, repr(e.__context__))
print(f4(), f5())
