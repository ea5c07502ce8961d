# Run by `-m imports._trees.mrun`: relative imports work because __package__ is set.
import sys
from . import helper
from .sub import deep
print("mrun.__main__", __name__, __package__, __spec__.name, type(__spec__.loader).__name__)
print("helper", helper.NAME, "deep", deep.NAME)
print("main module is sys.modules['__main__']:", sys.modules["__main__"].__name__, __spec__.name in sys.modules)
print("argv0", sys.argv[0].rsplit("/", 3)[-3:], sys.argv[1:])
print("path0", sys.path[0].rsplit("/", 1)[-1] or repr(sys.path[0]))
print("__file__", __file__.rsplit("/", 2)[-2:], "__cached__", __cached__.rsplit("/", 1)[-1].split(".")[0])
