class A:
    pass
pairs = [(1, "a"), ("a", 1), ([], ()), ({}, {}), (None, 1), (A(), A()), (1.5, []), (b"x", "y"), ({1}, [1])]
ops = {"+": lambda a, b: a + b, "-": lambda a, b: a - b, "*": lambda a, b: a * b, "/": lambda a, b: a / b,
       "//": lambda a, b: a // b, "%": lambda a, b: a % b, "**": lambda a, b: a ** b, "<<": lambda a, b: a << b,
       ">>": lambda a, b: a >> b, "&": lambda a, b: a & b, "|": lambda a, b: a | b, "^": lambda a, b: a ^ b,
       "@": lambda a, b: a @ b, "<": lambda a, b: a < b, "<=": lambda a, b: a <= b, ">": lambda a, b: a > b,
       ">=": lambda a, b: a >= b, "in": lambda a, b: a in b}
for name, op in ops.items():
    for a, b in pairs:
        try:
            r = op(a, b)
            print(name, "ok", type(r).__name__)
        except TypeError as e:
            print(name, e)
for v in ["s", [], None, A(), {}, 1.5]:
    for uname, u in [("-", lambda x: -x), ("+", lambda x: +x), ("~", lambda x: ~x), ("abs", abs)]:
        try:
            u(v)
            print(uname, "ok")
        except TypeError as e:
            print(uname, e)
