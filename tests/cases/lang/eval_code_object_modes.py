# eval() of exec-mode code returns None; exec() of eval-mode code discards the value.
c_exec = compile("x = 5", "<e>", "exec")
ns = {}
print(eval(c_exec, ns), ns["x"])
c_eval = compile("x * 2", "<v>", "eval")
print(exec(c_eval, ns))
print(eval(c_eval, ns))
try:
    exec("return 5")
except SyntaxError as e:
    print("SyntaxError:", e.msg)
try:
    eval("yield 1")
except SyntaxError as e:
    print("SyntaxError:", e.msg)
print(eval("  1 + 1  "), eval("1\n"))
try:
    eval("\n\t1")
except IndentationError as e:
    print("IndentationError:", e.msg, e.lineno)
try:
    eval(5)
except TypeError as e:
    print("TypeError:", e)
try:
    exec("x", None, 5)
except TypeError as e:
    print("TypeError:", e)
