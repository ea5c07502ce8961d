# Assignment expressions in while, if, calls, and their restrictions.
data = iter([5, 3, 0, 7])
total = 0
while (n := next(data)) != 0:
    total += n
print(total, n)
if (m := len("hello")) > 3:
    print("long", m)
print(f"{(w := 10) * 2} {w}")
print([y := 5, y ** 2], y)
def f(a, b=(c := 3)):
    return a + b
print(f(1), c)
print((lambda: (z := 7) + z)())
for src in ["(a.b := 1)", "(x[0] := 1)", "x := 1", "def g():\n    (nonlocal_x := 1)\n    global nonlocal_x\n", "f(x := 1, y=2)"]:
    try:
        compile(src, "<s>", "exec")
        print("ok:", src.split("\n")[0])
    except SyntaxError as e:
        print("SyntaxError:", e.msg)
