import sys
print(sys.version_info[:2], sys.version_info.major, sys.implementation.name in ("cpython", "krait"), sys.maxsize, sys.byteorder)
print(sys.float_info.max, sys.float_info.min, sys.float_info.epsilon, sys.float_info.dig, sys.float_info.mant_dig, sys.float_info.radix)
print(sys.int_info.bits_per_digit in (15, 30), sys.maxunicode, sys.getrecursionlimit(), sys.argv, sys.flags.optimize)
print(type(sys.path).__name__, type(sys.modules).__name__, sys.getdefaultencoding(), sys.getfilesystemencoding())
print(sys.float_repr_style, sys.hash_info.width, sys.hash_info.algorithm)
try:
    sys.exit(0) if False else sys.setrecursionlimit(0)
except ValueError as e:
    print(e)
print(sys.exc_info())
try:
    raise KeyError("k")
except KeyError:
    t, v, tb = sys.exc_info()
    print(t.__name__, repr(v), type(tb).__name__, sys.exception() is v if hasattr(sys, "exception") else "")
print(sys.exc_info())
print(callable(sys.getsizeof), sys.intern("abc") == "abc", sys.stdout.isatty(), sys.stdin is sys.__stdin__)
