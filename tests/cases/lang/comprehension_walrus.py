# Assignment expressions (:=): in conditions, comprehensions (binding in enclosing scope).
data = [1, 5, 2, 8, 3]
if (n := len(data)) > 3:
    print("long list", n)
filtered = [y for x in data if (y := x * 2) > 4]
print(filtered, y)
total = 0
running = [total := total + x for x in data]
print(running, total)
def f():
    [last := c for c in "abc"]
    return last
print(f())
lines = iter(["a", "b", ""])
while (line := next(lines)):
    print("line", line)
print((z := 5) + z)
print([j := 1, j + 1])
