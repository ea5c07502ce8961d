import builtins
excs = sorted((n for n in dir(builtins) if isinstance(getattr(builtins, n), type) and issubclass(getattr(builtins, n), BaseException)))
for n in excs:
    cls = getattr(builtins, n)
    print(n, "->", " ".join(c.__name__ for c in cls.__mro__[1:]))
print(OSError is IOError, OSError is EnvironmentError)
