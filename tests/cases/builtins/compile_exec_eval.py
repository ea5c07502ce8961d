print(eval("1 + 2"), eval("x * 2", {"x": 21}), eval("y", {}, {"y": "local"}))
ns = {}
exec("a = 5\ndef f():\n    return a * 2", ns)
print(ns["a"], ns["f"]())
code = compile("3 ** 2", "<s>", "eval")
print(eval(code), type(code).__name__, code.co_filename)
exec(compile("print('exec mode')", "<x>", "exec"))
exec("print(__name__)", {"__name__": "custom"})
for src, mode in [("1 +", "eval"), ("x = ", "exec"), ("pass", "bogus")]:
    try:
        compile(src, "<t>", mode)
    except (SyntaxError, ValueError) as e:
        print(type(e).__name__, e)
try:
    eval("undefined_name")
except NameError as e:
    print(e)
print(eval("[i for i in range(3)]"), eval("(lambda q: q + 1)(1)"))
