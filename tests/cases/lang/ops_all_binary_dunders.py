# Every binary operator dispatches to its dunder, and to the reflected one from the right.
ops = ["+", "-", "*", "/", "//", "%", "**", "<<", ">>", "&", "|", "^", "@"]
names = ["add", "sub", "mul", "truediv", "floordiv", "mod", "pow", "lshift", "rshift", "and", "or", "xor", "matmul"]
class L:
    pass
class R:
    pass
for name in names:
    setattr(L, f"__{name}__", lambda self, o, n=name: f"L.__{n}__")
    setattr(R, f"__r{name}__", lambda self, o, n=name: f"R.__r{n}__")
    setattr(L, f"__i{name}__", lambda self, o, n=name: f"L.__i{n}__")
for op in ops:
    left = eval(f"L() {op} 1")
    right = eval(f"1 {op} R()")
    ns = {"x": L()}
    exec(f"x {op}= 1", ns)
    print(op.ljust(3), left, right, ns["x"])
print(divmod(L(), 1) if hasattr(L, "__divmod__") else "no divmod")
class DM:
    def __divmod__(self, o): return "divmod"
    def __rdivmod__(self, o): return "rdivmod"
    def __pow__(self, e, m=None): return f"pow mod={m}"
print(divmod(DM(), 1), divmod(1, DM()), pow(DM(), 2, 5), DM() ** 2)
