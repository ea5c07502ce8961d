# Metaclass derivation: most derived wins, conflicts raise TypeError.
class M1(type): pass
class M2(type): pass
class M3(M1): pass
class A(metaclass=M1): pass
class B(metaclass=M2): pass
class C(metaclass=M3): pass
class D(A, C): pass
print(type(D).__name__)
try:
    class E(A, B): pass
except TypeError as e:
    print("TypeError:", e)
def fn_meta(name, bases, ns):
    print("fn_meta", name, bases)
    return 42
class F(metaclass=fn_meta):
    x = 1
print(F)
class G(A, metaclass=type): pass
print(type(G).__name__)
