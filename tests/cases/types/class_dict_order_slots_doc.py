# The class dict's order (members and __dict__/__weakref__ before the default __doc__ and
# __hash__), and a '__doc__' slot, which is not a conflict with the default docstring.
class C:
    x = 1
print(list(C.__dict__))

class D:
    def __eq__(self, other):
        return True
print(list(D.__dict__), D.__hash__)

class E:
    __slots__ = ('a',)
    def __eq__(self, other):
        return True
    def __init_subclass__(cls):
        pass
print(list(E.__dict__))

class A:
    __slots__ = ('__doc__', 'x')
print(type(A.__dict__['__doc__']).__name__, A.__doc__)
a = A()
a.__doc__ = 'instance doc'
print(a.__doc__)

try:
    class B:
        "a docstring"
        __slots__ = ('__doc__',)
except ValueError as e:
    print('ValueError:', e)

# Slots inherited from a base class and overridden in a subclass.
class Base:
    def __repr__(self):
        return 'Base()'
    def __len__(self):
        return 3
class Sub(Base):
    def __len__(self):
        return 5
class SubSub(Sub):
    pass
print(repr(Sub()), len(Sub()), repr(SubSub()), len(SubSub()))
Base.__repr__ = lambda self: 'patched'
print(repr(SubSub()), len(Base()))
class Multi(SubSub, dict):
    pass
print(repr(Multi()), len(Multi()))
class WithInt(int):
    def __add__(self, other):
        return 'added'
print(WithInt(2) + 1, WithInt(2) - 1, hash(WithInt(7)))
