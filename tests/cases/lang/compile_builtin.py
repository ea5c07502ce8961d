# compile() in exec, eval and single modes; running the code objects.
c = compile("a = 6 * 7", "<string>", "exec")
ns = {}
exec(c, ns)
print(type(c).__name__, c.co_filename, c.co_name, ns["a"])
e = compile("a + 1", "<expr>", "eval")
print(eval(e, ns))
s = compile("a * 2\nb = 1" if False else "a * 2", "<single>", "single")
exec(s, ns)
try:
    compile("x = 1", "<f>", "eval")
except SyntaxError as err:
    print("SyntaxError:", err)
try:
    compile("1", "<f>", "bogus")
except ValueError as err:
    print("ValueError:", err)
code = compile("def g():\n    return 'from compiled'\n", "<defs>", "exec")
exec(code, ns)
print(ns["g"](), ns["g"].__code__.co_filename)
exec(compile("raise ValueError('raised inside compiled code')", "<raiser>", "exec"))
