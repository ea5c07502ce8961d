# Reading a local before assignment raises UnboundLocalError; free variable not yet bound: NameError.
x = "global"
def f():
    print(x)
    x = "local"
try:
    f()
except UnboundLocalError as e:
    print("UnboundLocalError:", e)
def g():
    def inner():
        return y
    try:
        inner()
    except NameError as e:
        print(type(e).__name__ + ":", e)
    y = 1
    return inner()
print(g())
def h():
    z = 1
    del z
    return z
try:
    h()
except UnboundLocalError as e:
    print("UnboundLocalError:", e)
def k():
    print(undefined_name_here)
k()
