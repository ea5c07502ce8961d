# _abc: register(), virtual subclasses in isinstance/issubclass, the cache token, _get_dump.
import abc
import _abc


class A(abc.ABC):
    pass


class B:
    pass


class C(B):
    pass


class Other:
    pass


token = abc.get_cache_token()
print(abc.get_cache_token is _abc.get_cache_token)
print(type(token).__name__)
print(A.register(B) is B)
print("token moved by 1:", abc.get_cache_token() - token)
print(issubclass(B, A), issubclass(C, A), isinstance(B(), A), isinstance(C(), A))
print(issubclass(Other, A), isinstance(Other(), A), isinstance(3, A))
print(A in B.__mro__, A.__subclasses__())

# Registering again, registering a subclass, registering the ABC itself: no new token.
t = abc.get_cache_token()
print(A.register(B) is B, A.register(C) is C, A.register(A) is A)
print("token after no-op registers:", abc.get_cache_token() - t)


class D(A):
    pass


print(issubclass(D, A), A.__subclasses__() == [D])

# _get_dump: (registry, cache, negative cache, negative cache version), sets of weak references.
registry, cache, negative, version = _abc._get_dump(A)
print(type(registry).__name__, type(cache).__name__, type(negative).__name__, type(version).__name__)
print(sorted(r().__name__ for r in registry))
print(sorted(r().__name__ for r in cache))
print(sorted(r().__name__ for r in negative))
print(version == abc.get_cache_token())
print(all(type(r).__name__ == "weakref" for r in registry | cache | negative))


# A fresh ABC: its negative cache version is the token at its creation.
class E(abc.ABC):
    pass


print(_abc._get_dump(E)[3] == abc.get_cache_token())
print(issubclass(int, E), [r() for r in _abc._get_dump(E)[2]] == [int])
E.register(str)
# register() checked issubclass(str, E) first, which put str in the negative cache too.
print("negative cache kept until the next check:", sorted(r().__name__ for r in _abc._get_dump(E)[2]))
print(issubclass(int, E), _abc._get_dump(E)[3] == abc.get_cache_token())
print(issubclass(str, E), isinstance("x", E), isinstance(b"x", E))

# Registered classes count through their subclasses; the registry hit is not cached.
print(issubclass(bool, E), [r() for r in _abc._get_dump(E)[1]])


class MyStr(str):
    pass


print(issubclass(MyStr, E), [r() for r in _abc._get_dump(E)[1]] == [MyStr])

# Resetting.
E._abc_caches_clear()
print([len(s) for s in _abc._get_dump(E)[:3]])
E._abc_registry_clear()
print([len(s) for s in _abc._get_dump(E)[:3]], issubclass(str, E))

# ABCs registered with ABCs.
class F(abc.ABC):
    pass


class G(abc.ABC):
    pass


F.register(G)
G.register(list)
print(issubclass(list, F), isinstance([], F), issubclass(G, F), issubclass(F, G))

# A dead virtual subclass leaves the registry.
import gc


class H(abc.ABC):
    pass


def make():
    class Tmp:
        pass
    H.register(Tmp)
    print(issubclass(Tmp, H), len(_abc._get_dump(H)[0]))


make()
gc.collect()
print(len(_abc._get_dump(H)[0]), len(_abc._get_dump(H)[1]))

# _dump_registry prints through the same helper.
import io
buf = io.StringIO()
H._dump_registry(buf)
lines = buf.getvalue().splitlines()
print(lines[0], lines[2:5], lines[5].startswith('_abc_negative_cache_version: '))
