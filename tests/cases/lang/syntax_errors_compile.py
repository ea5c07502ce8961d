# SyntaxErrors detected by the compiler, caught from compile().
cases = [
    "return 1",
    "break",
    "continue",
    "yield 1",
    "await x",
    "nonlocal x",
    "def f():\n    global x\n    x = 1\n    global x",
    "def f(a, a): pass",
    "f(a=1, a=2)",
    "1 = x",
    "None = 1",
    "f() = 1",
    "*a, *b = [1, 2]",
    "del f()",
    "x += 1, 2 = 3",
    "def f():\n    x = 1\n    global x",
    "def f():\n    nonlocal y",
    "class C:\n    nonlocal z",
    "async def f():\n    yield from x",
    "lambda: (yield)",
    "[x async for x in y]",
    "def f(*): pass",
    "def f(**k, a): pass",
    "f(**k, *a)",
    "f(a=1, 2)",
    "a, b += 1",
    "(a for a in b) = 1",
    "try:\n    pass\nexcept* ValueError:\n    break",
    "x = 1 if 2",
    "print 'hello'",
]
for src in cases:
    try:
        compile(src, "<case>", "exec")
        print(repr(src), "compiled?!")
    except SyntaxError as e:
        print(repr(src), "->", e.msg, (e.lineno, e.offset))
