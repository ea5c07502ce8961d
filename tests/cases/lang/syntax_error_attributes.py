# SyntaxError attributes (msg, lineno, offset, end_lineno, end_offset, text)
# from compile(), exec() and eval() of strings: except*, f-strings, the end
# of input in eval mode, 'single' mode.
T = "try:\n    pass\n"
EXEC = [
    T + "except*:\n    pass\n",
    T + "except* :\n    pass\n",
    T + "except*\n    pass\n",
    T + "except* E, F:\n    pass\n",
    T + "except* E, F as x:\n    pass\n",
    T + "except E, F as x:\n    pass\n",
    T + "except* E as x\n    pass\n",
    T + "except\n    pass\n",
    T + "except* E:\n    pass\nexcept F:\n    pass\n",
    T + "except E:\n    pass\nexcept* F as y:\n    pass\n",
    T + "except E:\n    pass\nexcept*:\n    pass\n",
    "def f():\n    try:\n        pass\n    except*:\n        pass\n",
    T + "except* E:\npass\n",
    T + "except*:\npass\n",
    "f'{a['b']}'",
    "x = f'{a['b']}'",
    "f'{a}' b'x'",
    "'\\N{foo}' b'x'",
    "f'{}'", "f'{ }'", "f'{!r}'", "f'{:x}'", "f'{=}'",
    "f'{a!x}'", "f'{a!}'", "f'{a!r'", "f'{'", "f'}'", "f'{a}}'",
    "f'{\\n}'", "f'{#}'", "f'{a:{b:{c}}}'", "f'{a(]}'", "f'{a)}'", "f'{\"a}'",
    "f'{lambda x: 1}'", "f'{a b}'", "f'{*a}'", "f'''\n{a b}'''", "f'{a if b}'",
    "print(f'{a!z}')", "f'{1_}'", "f'{0x}'", "f'{a!r:{b!x}}'", "f'{a:{b:{}}}'", "f'{a=!x}'", "f'{x:{lambda: 1}}'",
    "class C:\n    y = [f'{}']\n", "x = (1,\n f'{a b}')", "é = f'{}'", "f'{a}' f'}'", "rb'x' f'{a}'",
    "1 +", "x ===", "def", "a = 1 +", "@d\n", "@d\n\n\n", "(1 +",
]
EVAL = ["1 +", "x ===", "def", "(1 +", "1 + \n\n", "a = 1 +", "1 +\n", "\n", "1 if", "lambda:",
        "a.", "1 + # c", "x = ", "if x", "yield", "a b", "é +", "x = 'é' +", "@d\n", "@d"]
SINGLE = ["1\n2", "1\n2\n", "1\n#c\n", "1 # c\n 2", "1;2", "x = 1\ny = 2", "if x:\n  pass\n",
          "1\n\n\n2", "class C: pass\n", "if x:\n  pass\n\nif y:\n  pass\n"]


def show(src, mode, how):
    try:
        if how == "compile":
            compile(src, "<s>", mode)
        elif how == "exec":
            exec(src, {})
        else:
            eval(src, {})
        print(repr(src), mode, how, "ok")
    except SyntaxError as e:
        print(repr(src), mode, how, type(e).__name__, repr(e.msg), e.lineno, e.offset,
              e.end_lineno, e.end_offset, repr(e.text))
    except Exception as e:
        print(repr(src), mode, how, "ran:", type(e).__name__)


for s in EXEC:
    show(s, "exec", "compile")
for s in EXEC[:3] + EXEC[14:17]:
    show(s, "exec", "exec")
for s in EVAL:
    show(s, "eval", "compile")
    show(s, "eval", "eval")
for s in SINGLE:
    show(s, "single", "compile")
