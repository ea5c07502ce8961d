print(divmod(7, 2), list(range(3)), all(map(callable, [print, len, abs, input, open])))
print(bytes(2), bytearray(1), frozenset(), complex(), float(), int(), str(), tuple(), list(), dict(), set(), object().__class__)
print(ascii("ü"), bin(3), bool(), chr(97), hex(16), oct(9), ord("b"), repr(...))
print(next(iter(dir())) if False else sorted(globals())[:4])
print(__name__, __doc__, type(__builtins__).__name__, __debug__)
print(isinstance(NotImplemented, type(NotImplemented)), issubclass(StopAsyncIteration, Exception))
import builtins
print(builtins.len is len, builtins.__name__, open.__name__, print.__name__, print.__module__, len.__self__ is builtins)
print(help.__class__.__name__ if hasattr(help, "__class__") else "", type(copyright).__name__, type(exit).__name__)
