# Uncaught ValueError from a nested format spec taken from a global.
x = 1
def f():
    print(f"{x:>{w}}")
w = "bad"
f()
