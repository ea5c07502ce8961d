# An AST-like evaluator with dataclass-free nodes and class patterns.
class Num:
    __match_args__ = ("v",)
    def __init__(self, v): self.v = v
class Bin:
    __match_args__ = ("op", "l", "r")
    def __init__(self, op, l, r): self.op, self.l, self.r = op, l, r
class Var:
    __match_args__ = ("name",)
    def __init__(self, name): self.name = name
class Let:
    __match_args__ = ("name", "val", "body")
    def __init__(self, name, val, body): self.name, self.val, self.body = name, val, body
def ev(node, env):
    match node:
        case Num(v):
            return v
        case Var(name):
            try:
                return env[name]
            except KeyError:
                raise NameError(f"unbound {name}") from None
        case Bin("+", l, r):
            return ev(l, env) + ev(r, env)
        case Bin("*", Num(0), _) | Bin("*", _, Num(0)):
            return 0
        case Bin("*", l, r):
            return ev(l, env) * ev(r, env)
        case Let(name, val, body):
            return ev(body, {**env, name: ev(val, env)})
        case _:
            raise TypeError(f"bad node {type(node).__name__}")
prog = Let("x", Num(5), Bin("+", Var("x"), Bin("*", Var("x"), Num(3))))
print(ev(prog, {}))
print(ev(Bin("*", Var("undefined"), Num(0)), {}))
for bad in [Var("y"), Bin("-", Num(1), Num(2))]:
    try:
        ev(bad, {})
    except (NameError, TypeError) as e:
        print(type(e).__name__, e, e.__suppress_context__)
