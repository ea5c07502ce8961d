# How import statements call the import system: a replaced builtins.__import__ (and the five
# arguments it gets), __builtins__ of an exec namespace, `import a.b as c` through
# sys.modules, importlib.__import__, and names bound by each statement form.
import builtins
import importlib
import os
import sys
import tempfile

tmp = tempfile.TemporaryDirectory()
root = os.path.realpath(tmp.name)
sys.path.insert(0, root)

def write(relpath, text):
    path = os.path.join(root, relpath)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w") as f:
        f.write(text)

write("fpkg/__init__.py", "")
write("fpkg/mod.py", "X = 'x in fpkg.mod'\n")
write("fpkg/inner/__init__.py", "")
write("fpkg/inner/leaf.py", "from .. import mod\nfrom ..mod import X as Y\n")

original = builtins.__import__
calls = []
def tracing_import(name, globals=None, locals=None, fromlist=(), level=0):
    calls.append((name, fromlist, level, type(globals).__name__, type(locals).__name__))
    return original(name, globals, locals, fromlist, level)

builtins.__import__ = tracing_import
import fpkg.mod
from fpkg import mod as m2
from fpkg.mod import X
import fpkg.inner.leaf as leaf
from fpkg.inner import *
def in_function():
    import fpkg.mod
    from fpkg.mod import X
    return X
in_function()
builtins.__import__ = original
# CPython's io.open_code imports _io through the hook while a source file loads (C code calling
# PyImport_Import): left out, as an implementation detail.
for c in calls:
    if c[0] != "_io":
        print(c)

# A namespace whose __builtins__ has its own __import__.
def fake_import(name, *args):
    return "fake module " + name
ns = {"__builtins__": {"__import__": fake_import}}
exec("import anything\nresult = anything", ns)
print(ns["result"])
ns = {"__builtins__": {}}
try:
    exec("import os", ns)
except ImportError as e:
    print("ImportError:", e)

# `import a.b as c` binds sys.modules['a.b'] even when a has no attribute b.
import fpkg
del fpkg.mod
import fpkg.mod as again
print(again.X, hasattr(fpkg, "mod"))
sys.modules["fpkg.fake"] = "a string in sys.modules"
import fpkg.fake as fake
print(fake)
from fpkg import fake as fake2
print(fake2)
try:
    import fpkg.fake.deeper
except ModuleNotFoundError as e:
    print("ModuleNotFoundError:", e)

# importlib.__import__ is the same machinery.
print(importlib.__import__("fpkg.inner.leaf", fromlist=["Y"]).Y)
print(importlib.__import__("os.path").__name__)
print(importlib.__import__("leaf", globals={"__package__": "fpkg.inner", "__name__": "fpkg.inner.x"}, level=1).Y)

# What each form binds.
ns = {}
exec("import fpkg.inner.leaf", ns)
print(sorted(k for k in ns if k != "__builtins__"), ns["fpkg"].__name__)
ns = {}
exec("import fpkg.inner.leaf as l", ns)
print(sorted(k for k in ns if k != "__builtins__"), ns["l"].__name__)
ns = {}
exec("from fpkg.inner import leaf, leaf as l2", ns)
print(sorted(k for k in ns if k != "__builtins__"))

# sys.modules entries that are None or not modules.
sys.modules["blocked_mod"] = None
try:
    import blocked_mod
except ModuleNotFoundError as e:
    print("ModuleNotFoundError:", e, e.name)
try:
    from blocked_mod import x
except ModuleNotFoundError as e:
    print("ModuleNotFoundError:", e)
sys.modules["number_mod"] = 12
import number_mod
print(number_mod)
try:
    from number_mod import real, nope
except ImportError as e:
    print("ImportError:", e)
tmp.cleanup()
