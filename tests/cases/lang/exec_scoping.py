# exec/eval scoping: functions defined in exec see exec's globals; locals() snapshots.
g = {"factor": 3}
exec("def mul(x):\n    return x * factor", g)
print(g["mul"](5))
g["factor"] = 10
print(g["mul"](5))
def f():
    a = 1
    ns = locals()
    ns["a"] = 99
    return a, eval("a")
print(f())
def g2():
    x = 5
    return eval("lambda: x")()
try:
    print(g2())
except NameError as e:
    print("NameError:", e)
code = "total = sum(range(n))"
scope = {"n": 5}
exec(code, scope)
print(scope["total"])
print(eval("__name__"), eval("__name__", {}), eval("__name__", {"__name__": "custom"}))
