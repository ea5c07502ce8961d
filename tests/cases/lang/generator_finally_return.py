# Generators with try/finally: return from finally, yield inside finally, and exhaustion.
def g1():
    try:
        yield 1
        return "from try"
    finally:
        print("g1 finally")
print(list(g1()))
def g2():
    try:
        yield 1
    finally:
        yield "yield in finally"
print(list(g2()))
def g3():
    for i in range(5):
        try:
            if i == 2:
                return
            yield i
        finally:
            print("g3 finally", i)
print(list(g3()))
