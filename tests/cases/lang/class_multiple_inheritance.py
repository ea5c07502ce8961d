# Multiple inheritance: C3 linearization, cooperative super(), and MRO conflict errors.
class A:
    def who(self): return ["A"]
class B(A):
    def who(self): return ["B"] + super().who()
class C(A):
    def who(self): return ["C"] + super().who()
class D(B, C):
    def who(self): return ["D"] + super().who()
print(D().who())
print([k.__name__ for k in D.__mro__])
class X: pass
class Y: pass
class Z(X, Y): pass
class W(Y, X): pass
try:
    class Bad(Z, W): pass
except TypeError as e:
    print("TypeError:", e)
try:
    class Dup(X, X): pass
except TypeError as e:
    print("TypeError:", e)
try:
    class Order(A, B): pass
except TypeError as e:
    print("TypeError:", e)
class O1: pass
class O2: pass
class M1(O1, O2): pass
class M2(O2): pass
class Fin(M1, M2): pass
print([k.__name__ for k in Fin.mro()])
