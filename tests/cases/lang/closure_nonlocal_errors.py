# nonlocal misuse is a SyntaxError at compile time.
srcs = [
    "def f():\n    nonlocal x\n",
    "nonlocal x\n",
    "def f():\n    x = 1\n    def g():\n        x = 2\n        nonlocal x\n",
    "def f(a):\n    nonlocal a\n",
    "def f():\n    global y\n    def g():\n        nonlocal y\n",
    "def f():\n    x = 1\n    def g():\n        global x\n        nonlocal x\n",
    "class C:\n    nonlocal z\n",
]
for s in srcs:
    try:
        compile(s, "<src>", "exec")
        print("compiled")
    except SyntaxError as e:
        print(type(e).__name__, e.msg, e.lineno)
