# _abc: collections.abc's __abc_tpflags__ gives Sequence/Mapping (and their subclasses and
# registered classes) the match statement's sequence/mapping behaviour.
import abc
import collections
import collections.abc as cabc

SEQ, MAP = 1 << 5, 1 << 6


def flags(c):
    return ("S" if c.__flags__ & SEQ else "") + ("M" if c.__flags__ & MAP else "") or "-"


def kind(x):
    match x:
        case [*items]:
            return f"seq{len(items)}"
        case {"k": v}:
            return f"map k={v}"
        case {}:
            return "map"
        case _:
            return "other"


print(flags(cabc.Sequence), flags(cabc.Mapping), flags(cabc.MutableSequence), flags(cabc.MutableMapping))
print(flags(cabc.Set), flags(cabc.Collection), "__abc_tpflags__" in cabc.Sequence.__dict__)
for t in (list, tuple, range, memoryview, collections.deque, dict, collections.OrderedDict,
          collections.defaultdict, str, bytes, bytearray, type({}.keys())):
    print(t.__name__, flags(t))


class MySeq(cabc.Sequence):
    def __init__(self, *items):
        self.items = items

    def __len__(self):
        return len(self.items)

    def __getitem__(self, i):
        return self.items[i]


class MyMap(cabc.Mapping):
    def __init__(self, **d):
        self.d = d

    def __getitem__(self, k):
        return self.d[k]

    def __iter__(self):
        return iter(self.d)

    def __len__(self):
        return len(self.d)


print(kind(MySeq(1, 2)), kind(MyMap(k=5)), kind(MyMap()), kind(memoryview(b"abc")))


# Registered classes get the flag, and so do their existing and future subclasses.
class P:
    def __len__(self):
        return 2

    def __getitem__(self, i):
        if i < 2:
            return i
        raise IndexError(i)


class PChild(P):
    pass


print(flags(P), kind(P()))
cabc.Sequence.register(P)


class PLater(P):
    pass


print(flags(P), flags(PChild), flags(PLater), kind(P()), kind(PChild()))


class Q(dict):
    pass


cabc.Sequence.register(Q)
print("dict subclass registered as Sequence:", flags(Q))


class R:
    pass


cabc.Mapping.register(R)
cabc.Sequence.register(R)
print("registered with both, last wins:", flags(R))

cabc.Sequence.register(str)
print("built-in types keep their flags:", flags(str), kind("ab"))


# __abc_tpflags__ on any ABCMeta class.
class X(metaclass=abc.ABCMeta):
    __abc_tpflags__ = SEQ


class Y(metaclass=abc.ABCMeta):
    __abc_tpflags__ = "ignored"


class Z(metaclass=abc.ABCMeta):
    __abc_tpflags__ = True


print(flags(X), flags(Y), flags(Z), [("__abc_tpflags__" in c.__dict__) for c in (X, Y, Z)])
for value in (SEQ | MAP, -1, 1 << 70):
    try:
        class W(metaclass=abc.ABCMeta):
            __abc_tpflags__ = value
        print(flags(W))
    except (TypeError, OverflowError) as e:
        print(type(e).__name__, e)


# A plain class with __abc_tpflags__ keeps it (only ABCMeta reads it).
class Plain:
    __abc_tpflags__ = SEQ


print(flags(Plain), "__abc_tpflags__" in Plain.__dict__)
