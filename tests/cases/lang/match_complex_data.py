# A small interpreter written with match on nested tuples.
def ev(expr, env):
    match expr:
        case int(n):
            return n
        case str(name):
            return env[name]
        case ("+", a, b):
            return ev(a, env) + ev(b, env)
        case ("*", a, b):
            return ev(a, env) * ev(b, env)
        case ("let", str(name), value, body):
            return ev(body, {**env, name: ev(value, env)})
        case ("neg", a):
            return -ev(a, env)
        case op:
            raise ValueError(f"bad expression {op!r}")
print(ev(("let", "x", 5, ("+", "x", ("*", 2, "x"))), {}))
print(ev(("neg", ("+", 1, 2)), {}))
ev(("/", 1, 2), {})
