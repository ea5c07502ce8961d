# Augmented assignment on globals, nonlocals, and the UnboundLocalError pitfall.
n = 0
def bad():
    n += 1
try:
    bad()
except UnboundLocalError as e:
    print("UnboundLocalError:", e)
def good():
    global n
    n += 5
good()
print(n)
def outer():
    s = "a"
    def inner():
        nonlocal s
        s += "b"
        s *= 2
    inner()
    return s
print(outer())
