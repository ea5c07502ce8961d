# import forms on simple builtin/stdlib modules and the errors for missing ones.
import sys
import sys as system
from sys import argv as arguments, maxsize
import os.path
from os import path as p
print(system is sys, arguments is sys.argv, maxsize == sys.maxsize, p is os.path)
print(type(os).__name__, os.path.__name__, "os" in sys.modules)
def local_import():
    import math
    return math.sqrt(16)
print(local_import(), "math" in dir())
try:
    import no_such_module_krait
except ModuleNotFoundError as e:
    print("ModuleNotFoundError:", e, e.name)
try:
    from sys import no_such_name
except ImportError as e:
    print("ImportError:", e)
m = __import__("math")
print(m.pi > 3)
from math import *
print(floor(2.5), "ceil" in dir())
import no_such_module_at_top
