# __class__ cell in methods; super() inside nested functions needs it explicitly.
class A:
    def who(self): return "A"
class B(A):
    def who(self):
        return "B>" + super().who()
    def cls(self):
        return __class__
    def nested(self):
        def inner():
            return super(B, self).who()
        return inner()
b = B()
print(b.who(), b.cls().__name__, b.nested())
print(B.who.__code__.co_freevars)
class C(B): pass
print(C().cls().__name__, C().who())
