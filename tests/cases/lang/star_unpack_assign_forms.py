# Star-unpacking in assignment targets and literal displays.
a, *b, c = range(6)
print(a, b, c)
*init, last = "hello"
print(init, last)
(x, y), *rest = [(1, 2), 3, 4]
print(x, y, rest)
first, *_ = [9]
print(first, _)
[p, [q, *r]] = [1, (2, 3, 4)]
print(p, q, r)
print([*range(3), *"ab", *{"k": 1}], (*[1], *(2,)), {*[1, 1, 2]}, {**{"a": 1}, "b": 2, **{"a": 3}})
for h, *t in [(1, 2, 3), "xy", [5]]:
    print(h, t)
d = {}
d["a"], *d["rest"] = "abc"
print(d)
for src in ["*a, *b = [1, 2]", "*a = [1]", "a, *b, c = [1]"]:
    try:
        exec(src)
        print("ok", src)
    except (SyntaxError, ValueError) as e:
        print(type(e).__name__ + ":", e.msg if isinstance(e, SyntaxError) else e)
