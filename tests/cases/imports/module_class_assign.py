# A module that replaces its own class with a ModuleType subclass (properties and __setattr__
# on a module), as modules that warn on attribute access do, and importlib.util.LazyLoader, which
# does the same.
import os
import sys
import tempfile
import types
import importlib.util

tmp = tempfile.TemporaryDirectory()
root = os.path.realpath(tmp.name)
sys.path.insert(0, root)

def write(relpath, text):
    path = os.path.join(root, relpath)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w") as f:
        f.write(text)

# A module that replaces its own class (properties on a module).
write("classy.py", '''
import sys, types
class Mod(types.ModuleType):
    @property
    def computed(self):
        return "computed " + self.__name__
    def __setattr__(self, name, value):
        print("  set", name)
        super().__setattr__(name, value)
sys.modules[__name__].__class__ = Mod
''')
import classy
print(classy.computed, type(classy).__name__)
classy.x = 1
print(classy.x)
try:
    types.ModuleType("m").__class__ = int
except TypeError as e:
    print("TypeError:", e)

write("lazy_target.py", "print('exec lazy_target')\nATTR = 'lazy attr'\n")
# LazyLoader: the module runs on first attribute access.
spec = importlib.util.find_spec("lazy_target")
spec.loader = importlib.util.LazyLoader(spec.loader)
lazy = importlib.util.module_from_spec(spec)
sys.modules["lazy_target"] = lazy
spec.loader.exec_module(lazy)
print("before access", type(lazy).__name__)
print(lazy.ATTR, type(lazy).__name__)
try:
    importlib.util.LazyLoader(object())
except TypeError as e:
    print("TypeError:", e)

tmp.cleanup()
