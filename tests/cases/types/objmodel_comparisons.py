class C:
    def __init__(self, v):
        self.v = v
    def __eq__(self, o):
        print("eq", self.v, getattr(o, "v", o))
        return NotImplemented
    def __lt__(self, o):
        print("lt", self.v, getattr(o, "v", o))
        return NotImplemented
print(C(1) == C(2))
print(C(1) != C(2))
a = C(3)
print(a == a, a != a)
try:
    C(1) < C(2)
except TypeError as e:
    print(e)
class D(C):
    def __gt__(self, o):
        print("D.gt")
        return True
print(C(1) < D(2))
class Total:
    def __init__(self, v):
        self.v = v
    def __lt__(self, o):
        return self.v < o.v
print(Total(1) < Total(2), Total(2) > Total(1))
try:
    Total(1) <= Total(2)
except TypeError as e:
    print(e)
import functools
@functools.total_ordering
class TO:
    def __init__(self, v):
        self.v = v
    def __eq__(self, o):
        return self.v == o.v
    def __lt__(self, o):
        return self.v < o.v
print(TO(1) <= TO(2), TO(3) >= TO(2), TO(1) > TO(2))
class E:
    def __eq__(self, o):
        return "truthy string"
print(E() == 1, E() != 1, [E()] == [1], E() in [1])
print(1 == 1.0, (1, 2) == [1, 2], {1: 2} == {1: 2.0}, float("nan") in [float("nan")])
n = float("nan")
print(n in [n], [n] == [n], (n,) == (n,))
