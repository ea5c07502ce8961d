class A: pass
class B(A): pass
class C(A): pass
class D(B, C): pass
print([k.__name__ for k in D.__mro__], D.mro() == list(D.__mro__))
class X: pass
class Y: pass
class Z(X, Y): pass
class W(Y, X): pass
try:
    class Bad(Z, W):
        pass
except TypeError as e:
    print(e)
try:
    class Dup(A, A):
        pass
except TypeError as e:
    print(e)
try:
    class Order(A, B):
        pass
except TypeError as e:
    print(e)
class O: pass
class K1(O): pass
class K2(O): pass
class K3(O): pass
class M1(K1, K2): pass
class M2(K2, K3): pass
class M3(K1, K3): pass
class Top(M1, M2, M3): pass
print([k.__name__ for k in Top.__mro__])
print(D.__bases__, D.__base__, bool.__base__, object.__base__)
try:
    class I(int, str):
        pass
except TypeError as e:
    print(e)
