# exec and eval with default, explicit globals, and locals mappings.
print(eval("1 + 2 * 3"))
x = 10
print(eval("x * 2"))
print(eval("x + y", {"x": 1, "y": 2}))
print(eval("a", {}, {"a": "from locals"}))
g = {}
exec("z = 5\ndef sq(n): return n * n", g)
print(g["z"], g["sq"](4), "__builtins__" in g)
loc = {}
exec("w = 1 + 1", {}, loc)
print(loc)
exec("print('exec prints', x)")
def f():
    exec("inner = 99")
    return "inner" in locals()
print(f())
class Mapping:
    def __getitem__(self, k):
        if k == "magic": return 42
        raise KeyError(k)
print(eval("magic + 1", {}, Mapping()))
for bad in ["1 +", "x ===", "def"]:
    try:
        eval(bad)
    except SyntaxError as e:
        print("SyntaxError:", e.msg, e.lineno, e.offset)
try:
    eval("undefined_thing")
except NameError as e:
    print("NameError:", e)
try:
    eval("x = 1")
except SyntaxError as e:
    print("SyntaxError:", e.msg)
