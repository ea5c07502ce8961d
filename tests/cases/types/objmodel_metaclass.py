class Meta(type):
    @classmethod
    def __prepare__(mcls, name, bases, **kw):
        print("prepare", name, kw)
        return {"injected": 1}
    def __new__(mcls, name, bases, ns, **kw):
        print("new", name, sorted(k for k in ns if not k.startswith("__")))
        return super().__new__(mcls, name, bases, ns)
    def __init__(cls, name, bases, ns, **kw):
        print("init", name)
        super().__init__(name, bases, ns)
    def __call__(cls, *args):
        print("call", cls.__name__, args)
        return super().__call__(*args)
class A(metaclass=Meta, option=True):
    x = 1
    def __init__(self, v):
        self.v = v
a = A(5)
print(a.v, A.injected, type(A).__name__)
class B(A):
    pass
print(type(B).__name__)
class M1(type): pass
class M2(type): pass
class C1(metaclass=M1): pass
class C2(metaclass=M2): pass
try:
    class C3(C1, C2):
        pass
except TypeError as e:
    print(e)
class Reg(type):
    def __repr__(cls):
        return f"<Reg {cls.__name__}>"
class R(metaclass=Reg):
    pass
print(R, [R], type(R))
