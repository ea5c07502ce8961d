# code.replace(), the CodeType constructor, comparison and hash by content.
CodeType = type((lambda: 0).__code__)


def f(a, b=2, *, c=3):
    total = a + b + c
    return total


co = f.__code__


def attempt(label, fn):
    try:
        r = fn()
    except Exception as e:
        print(label, type(e).__name__, e if type(e) is not SystemError else "")
        return None
    print(label, "ok")
    return r


# replace: each field, defaults kept, errors.
r = co.replace()
print(r == co, hash(r) == hash(co), r is co)
for kw, value in [("co_name", "g"), ("co_qualname", "q.g"), ("co_filename", "other.py"),
                  ("co_firstlineno", 40), ("co_stacksize", co.co_stacksize + 5),
                  ("co_flags", co.co_flags | 0x10), ("co_consts", co.co_consts + ("extra",)),
                  ("co_names", co.co_names + ("extra",)), ("co_linetable", b""),
                  ("co_exceptiontable", b"")]:
    new = co.replace(**{kw: value})
    print(kw, getattr(new, kw), new == co, new.co_name, new.co_qualname, new.co_firstlineno)
print(co.replace(co_varnames=("x", "y", "z", "w"), co_nlocals=4).co_varnames)
print(co.replace(co_name="x", co_qualname="y").co_qualname)
print(f.__code__.replace(co_consts=(None, [1, 2])).co_consts)

for label, kwargs in [
        ("pos", None), ("unknown kw", {"foo": 1}), ("argcount None", {"co_argcount": None}),
        ("argcount -1", {"co_argcount": -1}), ("stacksize -1", {"co_stacksize": -1}),
        ("flags -1", {"co_flags": -1}), ("firstlineno -1", {"co_firstlineno": -1}),
        ("argcount big", {"co_argcount": 2**31}), ("argcount float", {"co_argcount": 1.5}),
        ("code str", {"co_code": "x"}), ("consts list", {"co_consts": [1]}),
        ("names list", {"co_names": ["a"]}), ("filename bytes", {"co_filename": b"x"}),
        ("linetable None", {"co_linetable": None}), ("nlocals", {"co_nlocals": 9}),
        ("varnames small", {"co_varnames": ("a",), "co_nlocals": 1}),
        ("names not str", {"co_names": (1,)}), ("odd code", {"co_code": b"\x00"}),
        ("posonly > argcount", {"co_posonlyargcount": 5})]:
    if kwargs is None:
        attempt(label, lambda: co.replace(1))
    else:
        attempt(label, lambda: co.replace(**kwargs))

# The constructor: 16 to 18 positional arguments.
args = [co.co_argcount, co.co_posonlyargcount, co.co_kwonlyargcount, co.co_nlocals, co.co_stacksize,
        co.co_flags, co.co_code, co.co_consts, co.co_names, co.co_varnames, co.co_filename, co.co_name,
        co.co_qualname, co.co_firstlineno, co.co_linetable, co.co_exceptiontable]
made = CodeType(*args)
print(made == co, hash(made) == hash(co), made.co_varnames, made.co_freevars, made.co_cellvars)
made2 = CodeType(*args, (), ())
print(made2 == co)
print(f.__code__ is co)
g = type(f)(made, globals())
print(g(1, 2, c=3), g(1, 5, c=10))
attempt("no args", lambda: CodeType())
attempt("too many", lambda: CodeType(*args, (), (), 1))
attempt("keywords", lambda: CodeType(*args, freevars=()))
for i in range(16):
    bad = list(args)
    bad[i] = 1.5
    attempt(f"arg {i + 1} float", lambda: CodeType(*bad))
for i in range(4):
    bad = list(args)
    bad[i] = -1
    attempt(f"arg {i + 1} negative", lambda: CodeType(*bad))
bad = list(args)
bad[9] = ("a", 2)
attempt("varnames int", lambda: CodeType(*bad))
attempt("freevars not tuple", lambda: CodeType(*args, 1))


class S(str):
    __slots__ = ()


bad = list(args)
bad[10] = S("subclass.py")
bad[8] = (S("name"),)
made3 = CodeType(*bad)
print(type(made3.co_filename).__name__, [type(n).__name__ for n in made3.co_names], made3 == co.replace(co_names=("name",)))

# Cells that are also arguments share the argument's slot.
def outer(a, b):
    def inner():
        return a
    return inner


oc = outer.__code__
print(oc.co_varnames, oc.co_cellvars, oc.co_nlocals, [oc._varname_from_oparg(i) for i in range(3)])
remade = CodeType(oc.co_argcount, 0, 0, oc.co_nlocals, oc.co_stacksize, oc.co_flags, oc.co_code,
                  oc.co_consts, oc.co_names, oc.co_varnames, oc.co_filename, oc.co_name, oc.co_qualname,
                  oc.co_firstlineno, oc.co_linetable, oc.co_exceptiontable, (), oc.co_cellvars)
print(remade == oc, remade.co_cellvars, type(outer)(remade, globals())(7, 8)())

# Equality and hash by content.
def h1(x):
    return x + 1.0


def h2(x):
    return x + 1


a, b = h1.__code__, h2.__code__.replace(co_name="h1", co_qualname="h1", co_firstlineno=h1.__code__.co_firstlineno)
print(a == b, a.co_consts, b.co_consts)
print(a.replace(co_consts=(None, 0.0)) == a.replace(co_consts=(None, -0.0)))
print(a.replace(co_consts=(None, 1)) == a.replace(co_consts=(None, True)))
print(a.replace(co_consts=(None, (1, 2.0))) == a.replace(co_consts=(None, (1, 2.0))))
print(a.replace(co_consts=(None, frozenset({1, 2}))) == a.replace(co_consts=(None, frozenset({2, 1}))))
print(a.replace(co_consts=(None, 1j)) == a.replace(co_consts=(None, complex(0.0, 1.0))))
print(a.replace(co_consts=(None, complex(-0.0, 1.0))) == a.replace(co_consts=(None, 1j)))
print(a == a.replace(co_filename="x", co_qualname="q", co_stacksize=a.co_stacksize + 1))
print(a == a.replace(co_firstlineno=1), a == a.replace(co_linetable=b""), a == a.replace(co_flags=a.co_flags | 16))
print(a == a.replace(co_names=("zz",)), a != a.replace(co_name="other"), a == 1, a != 1)
print(hash(a) == hash(a.replace(co_filename="x", co_stacksize=a.co_stacksize + 1)))
attempt("unhashable", lambda: hash(a.replace(co_consts=(None, []))))
attempt("ordering", lambda: a < a)
print({a: 1}[a.replace()])
