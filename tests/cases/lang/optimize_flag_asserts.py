# Under -O, asserts are compiled out and __debug__ is False; docstrings survive.
def f():
    "docstring kept under -O"
    assert False, "never raised under -O"
    return "ran"
print(__debug__, f(), f.__doc__)
if __debug__:
    print("debug branch")
else:
    print("optimized branch")
import sys
print(sys.flags.optimize)
