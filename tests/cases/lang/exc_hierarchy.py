# The built-in exception hierarchy: bases and catching by base class.
for cls in [ZeroDivisionError, KeyError, IndexError, FileNotFoundError, UnicodeDecodeError,
            RecursionError, NotImplementedError, StopIteration, GeneratorExit, KeyboardInterrupt,
            SystemExit, ModuleNotFoundError, UnboundLocalError, TabError, OverflowError,
            TimeoutError, BrokenPipeError, DeprecationWarning, ExceptionGroup]:
    print(cls.__name__, [k.__name__ for k in cls.__mro__[1:]])
try:
    raise FileNotFoundError(2, "No such file", "x.txt")
except OSError as e:
    print(type(e).__name__, e.errno, e.strerror, e.filename, str(e))
print(OSError(2, "nf").__class__.__name__, OSError(13, "denied").__class__.__name__)
print(IOError is OSError, EnvironmentError is OSError)
