# Dropping a suspended generator closes it: its finally blocks run at once.
def gen(name):
    try:
        yield 1
        yield 2
    finally:
        print("finally", name)

g = gen("dropped")
print(next(g))
del g
print("after del")

g = gen("rebound")
next(g)
g = None
print("after rebind")

def use():
    for x in gen("loop-break"):
        print("got", x)
        break
    print("after break")
use()

g = gen("exhausted")
print(list(g))
print("end")
