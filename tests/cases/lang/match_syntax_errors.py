# Pattern errors rejected by the compiler.
cases = [
    "match x:\n    case a:\n        pass\n    case 1:\n        pass",
    "match x:\n    case {'a': 1, 'a': 2}:\n        pass",
    "match x:\n    case a | b:\n        pass",
    "match x:\n    case [a, a]:\n        pass",
    "match x:\n    case *a:\n        pass",
    "match x:\n    case [*a, *b]:\n        pass",
    "match x:\n    case {**r, 'a': 1}:\n        pass",
    "match x:\n    case f(a):\n        pass",
    "match x:\n    case 1 + 1:\n        pass",
    "match x:\n    case _ | 1:\n        pass",
    "match x:\n    case C(a=1, a=2):\n        pass",
]
for src in cases:
    try:
        compile(src, "<match>", "exec")
        print("compiled:", repr(src))
    except SyntaxError as e:
        print(e.msg, (e.lineno, e.offset))
match = case = 5
print("soft keywords as names:", match, case)
