# Code objects: every co_* attribute, co_lines(), co_positions(), co_lnotab,
# _varname_from_oparg, __sizeof__, repr, for functions of several shapes.


def plain(a, b=1, /, c=2, *args, d, e=3, **kw):
    x = a + b
    return x


def with_cells(p, q):
    r = p * 2

    def inner(s):
        nonlocal r
        r += s + q
        return r
    return inner


def gen(n):
    for i in range(n):
        yield i * i
    return "done"


async def coro(x):
    await x
    async with x as y:
        pass
    return y


def handlers(x):
    try:
        x()
    except (TypeError, ValueError) as e:
        return e
    finally:
        print("finally")


class Klass:
    attr = 1

    def method(self):
        return __class__


def long_function():
    a = 1
    b = [
        a,
        a + 1,
    ]



    c = {k: v for k, v in zip(b, b)}
    return (a,
            b,
            c)


lam = lambda v: v + 1
comp = [x for x in range(3)]

codes = [plain.__code__, with_cells.__code__, with_cells(1, 2).__code__, gen.__code__, coro.__code__,
         handlers.__code__, Klass.method.__code__, long_function.__code__, lam.__code__,
         compile("import sys\nprint(sys)\n", "<mod>", "exec"),
         compile("x + 1", "<eval>", "eval")]
codes.append([c for c in long_function.__code__.co_consts if type(c) is type(lam.__code__)][0])

ATTRS = ["co_argcount", "co_posonlyargcount", "co_kwonlyargcount", "co_nlocals", "co_stacksize",
         "co_flags", "co_firstlineno", "co_name", "co_qualname", "co_filename", "co_names",
         "co_varnames", "co_cellvars", "co_freevars", "co_code", "co_linetable",
         "co_exceptiontable", "co_lnotab"]

for code in codes:
    print("==", code.co_qualname)
    for attr in ATTRS:
        value = getattr(code, attr)
        if attr == "co_filename":
            value = value.rsplit("/", 1)[-1]
        print(attr, value)
    consts = [c if type(c) is not type(code) else ("code", c.co_name) for c in code.co_consts]
    print("co_consts", consts)
    print("co_lines", list(code.co_lines()))
    print("co_positions", list(code.co_positions()))
    nlocalsplus = len(code.co_varnames) + len(set(code.co_cellvars) - set(code.co_varnames)) + len(code.co_freevars)
    print("varnames by oparg", [code._varname_from_oparg(i) for i in range(nlocalsplus)])
    print("sizeof", code.__sizeof__())
    print("repr", repr(code).split(" at ")[0], repr(code).split(", ", 1)[1].rsplit("/", 1)[-1])

print(sorted(n for n in dir(plain.__code__) if n.startswith("co_") or n in ("replace", "_co_code_adaptive", "_varname_from_oparg")))
fresh = long_function.__code__
print(fresh._co_code_adaptive == fresh.co_code)
print(type(plain.__code__).__name__, type(plain.__code__).__doc__)
for bad in (-1, len(plain.__code__.co_varnames), 2**40, "x"):
    try:
        plain.__code__._varname_from_oparg(bad)
    except Exception as e:
        print(type(e).__name__, e)
