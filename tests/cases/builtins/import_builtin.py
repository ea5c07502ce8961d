m = __import__("math")
print(m.__name__, m.sqrt(16), type(m).__name__)
p = __import__("os.path")
print(p.__name__)
j = __import__("json", fromlist=["dumps"])
print(j.__name__, j.dumps([1, "a"]))
import importlib
c = importlib.import_module("collections.abc")
print(c.__name__, c.Sized.__name__)
import sys
print("math" in sys.modules, type(sys.modules).__name__)
try:
    __import__("no_such_module_q")
except ModuleNotFoundError as e:
    print(repr(e), e.name)
try:
    from os import no_such_name
except ImportError as e:
    print(str(e).split(" (")[0], e.name)
import math as mm, os.path as osp
print(mm is m, osp is p.path)
try:
    __import__("")
except ValueError as e:
    print(e)
