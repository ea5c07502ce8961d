# __call__, __hash__, __eq__ setting __hash__ to None, __index__, __bool__.
class Fn:
    def __call__(self, *a, **k): return ("called", a, k)
print(Fn()(1, k=2))
class Key:
    def __init__(self, v): self.v = v
    def __eq__(self, o): return isinstance(o, Key) and o.v == self.v
    def __hash__(self): return hash(self.v)
d = {Key(1): "one"}
print(d[Key(1)])
class EqOnly:
    def __eq__(self, o): return True
print(EqOnly.__hash__)
try:
    {EqOnly()}
except TypeError as e:
    print("TypeError:", e)
class Idx:
    def __index__(self): return 2
print([10, 20, 30][Idx()], "abc"[Idx()], bin(Idx()), range(10)[Idx()])
class BadHash:
    def __hash__(self): return "no"
try:
    hash(BadHash())
except TypeError as e:
    print("TypeError:", e)
print(hash(Key(5)) == hash(5))
