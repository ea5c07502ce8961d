class A: pass
class B(A): pass
class C: pass
print(isinstance(B(), A), isinstance(A(), B), isinstance(1, (str, int)), isinstance(1, (str, (float, int))))
print(issubclass(B, A), issubclass(A, (C, B)), issubclass(bool, (int,)), issubclass(A, object), issubclass(type, object))
print(isinstance(int, type), isinstance(type, type), isinstance(object, type), issubclass(type, type))
print(isinstance(None, type(None)), isinstance([], list), isinstance({}.keys(), type({}.keys())))
class Meta(type):
    def __instancecheck__(cls, obj):
        return obj == "magic"
    def __subclasscheck__(cls, sub):
        return sub is int
class M(metaclass=Meta):
    pass
print(isinstance("magic", M), isinstance(1, M), issubclass(int, M), issubclass(str, M))
for call in [lambda: isinstance(1, 1), lambda: issubclass(1, int), lambda: issubclass(int, (1,)), lambda: isinstance(1, [int])]:
    try:
        print(call())
    except TypeError as e:
        print(e)
import collections.abc as abc
print(isinstance([], abc.Sequence), isinstance({}, abc.Mapping), issubclass(dict, abc.MutableMapping), isinstance(iter([]), abc.Iterator))
print(isinstance(1, int | str), issubclass(bool, int | None), int | str, type(int | str))
