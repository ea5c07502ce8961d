"Module docstring dropped under -OO."
# Under -OO docstrings are dropped as well as asserts.
def f():
    "function docstring"
    assert 0
    return 1
class C:
    "class docstring"
print(__doc__, f.__doc__, C.__doc__, f(), __debug__)
import sys
print(sys.flags.optimize)
