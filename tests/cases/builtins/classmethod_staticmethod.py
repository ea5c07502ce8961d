class A:
    @classmethod
    def cm(cls, x):
        return (cls.__name__, x)
    @staticmethod
    def sm(x):
        return x * 2
class B(A):
    pass
print(A.cm(1), B.cm(2), B().cm(3), A.sm(4), A().sm(5), B.sm(6))
print(type(A.__dict__["cm"]).__name__, type(A.__dict__["sm"]).__name__, A.__dict__["sm"].__func__.__name__)
print(A.cm.__self__, A.cm.__func__.__name__, type(A.cm).__name__, type(A.sm).__name__)
sm = staticmethod(len)
print(sm("abc"), callable(sm), sm.__wrapped__ is len)
cm = classmethod(lambda cls: cls)
class C:
    f = cm
print(C.f(), C().f())
