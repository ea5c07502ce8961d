# Subclassing list, dict, str and int; overridden methods and inherited behaviour.
class MyList(list):
    def append(self, x):
        super().append(x * 10)
l = MyList([1, 2])
l.append(3)
print(l, type(l).__name__, len(l), l + [4], type(l + [4]).__name__)
class DefaultDict(dict):
    def __missing__(self, key):
        return f"missing {key}"
d = DefaultDict(a=1)
print(d["a"], d["zz"], d.get("zz"), "zz" in d)
class Upper(str):
    def shout(self): return self.upper() + "!"
u = Upper("hey")
print(u.shout(), u + " you", type(u + "x").__name__, isinstance(u, str))
class Money(int):
    def __repr__(self): return f"${int(self)}"
m = Money(5)
print(repr(m), m + 1, repr(Money(2) * 3))
class T(tuple):
    @property
    def first(self): return self[0]
print(T((9, 8)).first)
