# List comprehensions have their own scope; the loop variable does not leak.
x = "outer"
lst = [x for x in range(3)]
print(lst, x)
print([i * j for i in range(3) for j in range(3) if i != j])
print([[j for j in range(i)] for i in range(4)])
def f():
    y = 10
    return [y + k for k in range(3)]
print(f())
class C:
    v = 5
    items = [v for _ in range(2)] if False else None
    try:
        fails = [v for _ in range(2)]
    except NameError as e:
        print("NameError in class-body comprehension:", e)
    ok = [w * 2 for w in [v, v]]
print(C.ok)
print([(lambda: n)() for n in range(3)])
fns = [lambda: n for n in range(3)]
print([fn() for fn in fns])
