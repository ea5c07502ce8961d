# Zero-arg super() requires __class__; errors when used outside methods.
class A:
    def who(self): return "A"
class B(A):
    def who(self):
        inner = lambda: super().who()
        try:
            return "B>" + inner()
        except RuntimeError as e:
            return "B> lambda: " + str(e) + " / " + super().who()
    def via_comp(self):
        try:
            return [super().who() for _ in range(1)]
        except TypeError as e:
            return "comp: " + str(e)
print(B().who(), B().via_comp())
def unbound_super():
    return super()
try:
    unbound_super()
except RuntimeError as e:
    print("RuntimeError:", e)
class C(A):
    @staticmethod
    def s():
        return super().who()
try:
    C.s()
except RuntimeError as e:
    print("RuntimeError:", e)
class D(A):
    def who(self):
        return __class__.__name__ + ">" + super().who()
print(D().who())
class E(A):
    def who(self):
        del self
        try:
            return super().who()
        except RuntimeError as e:
            return "RuntimeError: " + str(e)
print(E().who())
