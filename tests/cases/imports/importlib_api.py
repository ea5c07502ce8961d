# importlib's public API: import_module (absolute and relative), reload, find_spec,
# spec_from_file_location, module_from_spec, invalidate_caches, MAGIC_NUMBER's form.
import sys
import importlib
import importlib.util
here = __file__.rsplit("/", 1)[0]
sys.path.insert(0, here + "/_trees")

m = importlib.import_module("pkg.sub")
print(m.__name__, m is sys.modules["pkg.sub"])
print(importlib.import_module(".mod", "pkg").X)
print(importlib.import_module("..sub", "pkg.inner").__name__)
try:
    importlib.import_module(".mod")
except TypeError as e:
    print("TypeError:", e)
spec = importlib.util.find_spec("pkg.mod")
print(spec.name, spec.origin.rsplit("/", 2)[-2:], spec.parent, type(spec.loader).__name__)
print(importlib.util.find_spec("no_such_module_here"))
try:
    importlib.util.find_spec("pkg.mod.nothing")
except ModuleNotFoundError as e:
    print("ModuleNotFoundError:", e)
spec = importlib.util.spec_from_file_location("loose_name", here + "/_trees/pkg/mod.py")
mod = importlib.util.module_from_spec(spec)
print(mod.__name__, "loose_name" in sys.modules)
spec.loader.exec_module(mod)
print(mod.X, mod.__file__.rsplit("/", 2)[-2:])

import pkg.mod
pkg.mod.X = 99
pkg.mod.EXTRA = "kept"
again = importlib.reload(pkg.mod)
print(again is pkg.mod, pkg.mod.X, pkg.mod.EXTRA)
try:
    importlib.reload("pkg.mod")
except TypeError as e:
    print("TypeError:", e)
importlib.invalidate_caches()
print(len(importlib.util.MAGIC_NUMBER), importlib.util.MAGIC_NUMBER[2:])
print(importlib.util.resolve_name("..x", "a.b.c"))
print(importlib.util.source_hash(b"print(1)") == importlib.util.source_hash(b"print(1)"))
