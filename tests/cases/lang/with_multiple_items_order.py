# Multiple context managers: enter order, exit in reverse, partial failure.
class CM:
    def __init__(self, name, fail_enter=False, suppress=False):
        self.name, self.fail_enter, self.suppress = name, fail_enter, suppress
    def __enter__(self):
        print("enter", self.name)
        if self.fail_enter:
            raise RuntimeError("enter failed " + self.name)
        return self.name
    def __exit__(self, et, ev, tb):
        print("exit", self.name, et.__name__ if et else None)
        return self.suppress
with CM("a") as a, CM("b") as b, CM("c") as c:
    print("body", a, b, c)
try:
    with CM("x"), CM("y", fail_enter=True), CM("z"):
        print("unreachable")
except RuntimeError as e:
    print("caught", e)
with CM("outer", suppress=True), CM("inner"):
    raise ValueError("v")
print("continued")
with (CM("p") as p,
      CM("q") as q):
    print("parenthesized", p, q)
