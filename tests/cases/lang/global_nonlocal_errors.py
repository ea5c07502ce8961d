# SyntaxErrors for global/nonlocal declared after use or on parameters.
cases = [
    "def f():\n    x = 1\n    global x\n",
    "def f():\n    print(x)\n    global x\n",
    "def f(x):\n    global x\n",
    "def f():\n    x = 1\n    def g():\n        print(x)\n        nonlocal x\n",
    "x: int = 1\nglobal x\n",
    "def f():\n    global x\n    x: int = 1\n",
    "def f():\n    def g():\n        nonlocal x\n    x = 1\n",
]
for src in cases:
    try:
        compile(src, "<s>", "exec")
        print("ok")
    except SyntaxError as e:
        print("SyntaxError:", e.msg, "line", e.lineno)
