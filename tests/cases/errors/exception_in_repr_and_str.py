class BadRepr:
    def __repr__(self):
        raise ValueError("repr failed")
try:
    repr(BadRepr())
except ValueError as e:
    print("repr:", e)
try:
    print([BadRepr()])
except ValueError as e:
    print("list repr:", e)
try:
    f"{BadRepr()!r}"
except ValueError as e:
    print("fstring:", e)
class BadEq:
    def __eq__(self, o):
        raise RuntimeError("eq failed")
    __hash__ = object.__hash__
try:
    BadEq() in [1, 2]
except RuntimeError as e:
    print("contains:", e)
try:
    [1, 2].index(BadEq()) if False else [BadEq()].count(1)
except RuntimeError as e:
    print("count:", e)
class BadHash:
    def __hash__(self):
        raise KeyError("hash failed")
try:
    {BadHash(): 1}
except KeyError as e:
    print("dict:", repr(e))
class BadIter:
    def __iter__(self):
        raise OSError("iter failed")
try:
    list(BadIter())
except OSError as e:
    print("iter:", e)
class BadLen:
    def __len__(self):
        raise ArithmeticError("len failed")
try:
    len(BadLen())
except ArithmeticError as e:
    print("len:", e)
