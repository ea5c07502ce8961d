# _abc: errors of register, issubclass/isinstance and the helpers, with CPython's messages.
import abc
import _abc


class A(abc.ABC):
    pass


class B(A):
    pass


def attempt(label, f, *args):
    try:
        print(label, repr(f(*args)))
    except Exception as e:
        print(label, type(e).__name__, e)


attempt("register int", A.register, 3)
attempt("register instance", A.register, A)
attempt("cycle", B.register, A)
attempt("issubclass non-class", issubclass, 3, A)
attempt("issubclass tuple", issubclass, (int,), A)
attempt("isinstance non-class", isinstance, 3, A)
attempt("issubclass arg2", issubclass, int, 3)


class Plain:
    pass


class Wrong:
    _abc_impl = 5


attempt("_get_dump non-abc", _abc._get_dump, Plain)
attempt("_get_dump wrong", _abc._get_dump, Wrong)
attempt("_get_dump int", _abc._get_dump, 1)
attempt("subclasscheck wrong", _abc._abc_subclasscheck, Wrong, int)
attempt("instancecheck wrong", _abc._abc_instancecheck, Wrong, 1)
attempt("register wrong", _abc._abc_register, Wrong, int)
attempt("reset wrong", _abc._reset_caches, Wrong)
attempt("reset registry", _abc._reset_registry, Plain)
attempt("init int", _abc._abc_init, 1)
attempt("init no args", _abc._abc_init)
attempt("register 1 arg", _abc._abc_register, A)
attempt("token arg", _abc.get_cache_token, 1)

# The subclass check of a class argument that is an instance of a metaclass.
attempt("abc register abc", A.register, abc.ABCMeta)
print(issubclass(abc.ABCMeta, A), isinstance(A, A))


# __abstractmethods__ with a non-iterable in a base.
class Odd:
    __abstractmethods__ = 5


try:
    class X(Odd, metaclass=abc.ABCMeta):
        pass
except TypeError as e:
    print("TypeError:", e)


# A failing __isabstractmethod__.
class Boom:
    @property
    def __isabstractmethod__(self):
        raise ValueError("boom")


try:
    class Y(abc.ABC):
        f = Boom()
except ValueError as e:
    print("ValueError:", e)


# __subclasses__ that does not return a list.
class Meta(abc.ABCMeta):
    def __subclasses__(cls):
        return ()


class Z(metaclass=Meta):
    pass


attempt("subclasses tuple", issubclass, int, Z)

# _abc_data itself.
T = type(A._abc_impl)
print(T.__module__, T.__name__, T.__doc__)
print(type(T(1, 2, k=3)).__name__)
try:
    class Sub(T):
        pass
except TypeError as e:
    print("TypeError:", e)
print(_abc._abc_init.__doc__)
print(_abc.__doc__)
