# PEP 562: a module's __getattr__ and __dir__, seen by attribute access, `from m import name`,
# `from m import *`, hasattr and dir(); a module that replaces itself in sys.modules.
import os
import sys
import tempfile
import types

tmp = tempfile.TemporaryDirectory()
root = os.path.realpath(tmp.name)
sys.path.insert(0, root)

def write(relpath, text):
    path = os.path.join(root, relpath)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w") as f:
        f.write(text)

write("lazy.py", '''
import warnings
REAL = "real"
_deprecated = {"old_name": "new value"}
def __getattr__(name):
    if name in _deprecated:
        print("  __getattr__ serves", name)
        return _deprecated[name]
    if name == "boom":
        raise KeyError("not an AttributeError")
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
def __dir__():
    return ["REAL", "old_name", "zzz"]
__all__ = ["REAL", "old_name"]
''')
import lazy
print(lazy.REAL, lazy.old_name)
from lazy import old_name
print(old_name)
print(hasattr(lazy, "old_name"), hasattr(lazy, "missing"))
print(getattr(lazy, "missing", "default"))
print(dir(lazy))
try:
    lazy.missing
except AttributeError as e:
    print("AttributeError:", e)
try:
    from lazy import missing
except ImportError as e:
    print("ImportError:", str(e).replace(root, "ROOT"))
try:
    hasattr(lazy, "boom")
except KeyError as e:
    print("KeyError:", e)
try:
    from lazy import boom
except KeyError as e:
    print("KeyError from from-import:", e)
ns = {}
exec("from lazy import *", ns)
print(sorted(k for k in ns if not k.startswith("__")), ns["old_name"])
print("__getattr__ is not used for dunder lookups by the import system:", "__path__" in dir(lazy))

# A package's __getattr__ serving a lazily imported submodule.
write("lazypkg/__init__.py", '''
import importlib
def __getattr__(name):
    if name == "heavy":
        return importlib.import_module("." + name, __name__)
    raise AttributeError(name)
''')
write("lazypkg/heavy.py", "print('  loading lazypkg.heavy')\nW = 'heavy'\n")
import lazypkg
print("lazypkg.heavy" in sys.modules)
print(lazypkg.heavy.W, "lazypkg.heavy" in sys.modules)
from lazypkg import heavy
print(heavy.W)

# A module that replaces itself in sys.modules: import returns the replacement.
write("replacer.py", '''
import sys
class Thing:
    VALUE = "thing value"
    def __repr__(self):
        return "<Thing>"
sys.modules[__name__] = Thing()
''')
import replacer
print(replacer, replacer.VALUE)
from replacer import VALUE
print(VALUE)
# A module attribute deleted: plain messages.
m = types.ModuleType("plain")
try:
    m.nothing
except AttributeError as e:
    print("AttributeError:", e)
del m.__dict__["__name__"]
try:
    m.nothing
except AttributeError as e:
    print("AttributeError:", e)
print(repr(m))
tmp.cleanup()
