# Walrus inside comprehensions binds in the enclosing scope.
data = [3, 8, 1, 9, 4]
if any((big := v) > 7 for v in data):
    print("first big", big)
running = [total := 0] and [total := total + v for v in data]
print(running, total)
def f():
    [last := i for i in range(5)]
    return last
print(f())
vals = [y for x in data if (y := x * 2) > 6]
print(vals, y)
for src in ["[i := 0 for i in range(3)]", "[x for x in range(3) if (x := 1)]",
            "class C:\n    [(z := 1) for q in range(2)]\n",
            "[(j := 1) for i in range(2) for j in range(2)]"]:
    try:
        compile(src, "<s>", "exec")
        print("ok")
    except SyntaxError as e:
        print("SyntaxError:", e.msg)
