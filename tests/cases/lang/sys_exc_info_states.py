# sys.exc_info() inside handlers, after them, and in nested handlers.
import sys
print(sys.exc_info())
try:
    raise ValueError("outer")
except ValueError:
    print(sys.exc_info()[0].__name__, sys.exc_info()[1])
    try:
        raise KeyError("inner")
    except KeyError:
        print(sys.exc_info()[0].__name__)
    print("back to", sys.exc_info()[0].__name__)
print(sys.exc_info())
def in_function():
    return sys.exc_info()[0]
try:
    raise TypeError
except TypeError:
    print("visible in called function:", in_function().__name__)
print(sys.exception() if hasattr(sys, "exception") else "no sys.exception in 3.11")
