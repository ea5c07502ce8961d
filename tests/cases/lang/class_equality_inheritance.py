# __eq__ and __hash__ interplay across subclasses; overriding __eq__ removes __hash__.
class P:
    def __init__(self, v): self.v = v
    def __eq__(self, o): return type(o) is type(self) and o.v == self.v
    def __hash__(self): return hash(self.v)
class Q(P):
    def __eq__(self, o): return super().__eq__(o)
class R(P):
    pass
print(P(1) == P(1), P(1) == Q(1), Q(1) == Q(1))
print(R.__hash__ is P.__hash__, Q.__hash__)
try:
    hash(Q(1))
except TypeError as e:
    print("TypeError:", e)
print(len({R(1), R(1), R(2)}))
