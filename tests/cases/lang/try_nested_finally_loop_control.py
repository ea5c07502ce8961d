# Nested try/finally with continue, bare raise identity, and else/finally inside while.
def f():
    try:
        return 1
    finally:
        try:
            raise ValueError("inner")
        except ValueError:
            pass
print(f())
def g():
    for i in range(3):
        try:
            pass
        finally:
            try:
                continue
            finally:
                print("nested finally", i)
    return i
print(g())
def h():
    try:
        1/0
    except ZeroDivisionError as e:
        try:
            raise
        except ZeroDivisionError as e2:
            return e is e2
print(h())
def k():
    x = 0
    while x < 5:
        try:
            x += 1
            if x == 2:
                raise ValueError
        except ValueError:
            continue
        else:
            if x == 4:
                break
        finally:
            print("x", x)
    return x
print(k())
