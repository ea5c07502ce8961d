import builtins
base = set(dir(BaseException))
print(sorted(base))
for name in sorted(dir(builtins)):
    cls = getattr(builtins, name)
    if isinstance(cls, type) and issubclass(cls, BaseException):
        extra = sorted(set(dir(cls)) - base)
        missing = sorted(base - set(dir(cls)))
        print(name, extra, missing)
