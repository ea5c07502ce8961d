# _abc: __subclasshook__, __instancecheck__ with __class__, caching, abstract methods.
import abc
import _abc
import collections.abc as cabc


class Sized(abc.ABC):
    @classmethod
    def __subclasshook__(cls, C):
        print("hook", cls.__name__, C.__name__)
        if cls is Sized:
            return any("__len__" in B.__dict__ for B in C.__mro__) or NotImplemented
        return NotImplemented


class L:
    def __len__(self):
        return 0


class N:
    pass


print(issubclass(L, Sized), issubclass(L, Sized))   # the second answer comes from the cache
print(issubclass(N, Sized), issubclass(N, Sized))
print(isinstance(L(), Sized), isinstance(N(), Sized))


class Bad(abc.ABC):
    @classmethod
    def __subclasshook__(cls, C):
        return 1


try:
    issubclass(int, Bad)
except AssertionError as e:
    print("AssertionError:", e)


class Hooked(abc.ABC):
    @classmethod
    def __subclasshook__(cls, C):
        return False


class Sub(Hooked):
    pass


print(issubclass(Sub, Hooked), isinstance(Sub(), Hooked))


# isinstance looks at __class__ too.
class Proxy:
    @property
    def __class__(self):
        return list


print(isinstance(Proxy(), cabc.Sequence), isinstance(Proxy(), cabc.Mapping))
print(isinstance([], cabc.Sequence), isinstance({}, cabc.Mapping), isinstance({}, cabc.Sequence))
print(issubclass(dict, cabc.MutableMapping), issubclass(tuple, cabc.MutableSequence), issubclass(tuple, cabc.Hashable))
print(isinstance(iter([]), cabc.Iterator), isinstance((x for x in ()), cabc.Generator), issubclass(type(None), cabc.Hashable))


# A metaclass __subclasscheck__ result is passed on, then read as a truth value.
class Meta(abc.ABCMeta):
    def __subclasscheck__(cls, sub):
        print("subclasscheck", sub.__name__)
        return super().__subclasscheck__(sub)


class M(metaclass=Meta):
    pass


print(isinstance(3, M))
print(abc._abc_instancecheck(M, 3))

# Abstract methods.
class Shape(abc.ABC):
    @abc.abstractmethod
    def area(self): ...

    @property
    @abc.abstractmethod
    def name(self): ...

    def plain(self): ...


print(sorted(Shape.__abstractmethods__), type(Shape.__abstractmethods__).__name__)


class Square(Shape):
    def area(self):
        return 4


print(sorted(Square.__abstractmethods__))
try:
    Square()
except TypeError as e:
    print("TypeError:", e)


class Full(Square):
    name = "full"


print(sorted(Full.__abstractmethods__), Full().area())

# update_abstractmethods recomputes through the same rules.
Square.name = "square"
abc.update_abstractmethods(Square)
print(sorted(Square.__abstractmethods__), Square().area())
print(hasattr(abc.ABC, "_abc_impl"), type(abc.ABC._abc_impl))
