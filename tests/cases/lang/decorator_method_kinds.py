# Decorators on methods combined with classmethod/staticmethod/property.
import functools
def log(f):
    @functools.wraps(f)
    def w(*a, **k):
        print("call", f.__qualname__, len(a))
        return f(*a, **k)
    return w
class C:
    factor = 3
    @log
    def inst(self, x): return x * self.factor
    @classmethod
    @log
    def cls(cls, x): return x + cls.factor
    @staticmethod
    @log
    def stat(x): return -x
    @property
    @log
    def prop(self): return "p"
c = C()
print(c.inst(2), C.cls(2), c.cls(1), C.stat(5), c.stat(6), c.prop)
print(C.inst.__name__, C.inst.__wrapped__.__name__)
