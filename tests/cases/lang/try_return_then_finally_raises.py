# A return in try is discarded if finally raises; the exception carries no context.
def f():
    try:
        return "value"
    finally:
        raise RuntimeError("finally raised")
try:
    print(f())
except RuntimeError as e:
    print("RuntimeError:", e, "context:", e.__context__)
def counter():
    n = 0
    for i in range(5):
        try:
            n += 1
            if i == 3:
                return n
        finally:
            n += 100
    return n
print(counter())
f()
