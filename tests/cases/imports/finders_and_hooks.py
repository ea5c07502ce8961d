# Finders and loaders written in Python without importlib.abc: a meta path finder that serves
# modules, one that only observes, a loader that makes its own module object, loaders whose
# exec_module fails, sys.path_hooks and sys.path_importer_cache, invalidate_caches reaching
# every finder, and specs the import system refuses.
import importlib
import importlib.machinery
import importlib.util
import os
import sys
import tempfile
import types

tmp = tempfile.TemporaryDirectory()
root = os.path.realpath(tmp.name)

class Observer:
    """Records what is looked up, finds nothing."""
    def __init__(self):
        self.seen = []
    def find_spec(self, fullname, path, target=None):
        self.seen.append((fullname, None if path is None else len(list(path))))
        return None
    def invalidate_caches(self):
        print("  Observer.invalidate_caches")

class StringLoader:
    def __init__(self, sources):
        self.sources = sources
    def create_module(self, spec):
        if spec.name == "custom_object":
            m = types.SimpleNamespace(made_by="create_module")
            return m
        return None
    def exec_module(self, module):
        code = self.sources[module.__name__]
        exec(compile(code, "<string:" + module.__name__ + ">", "exec"), module.__dict__)

class StringFinder:
    def __init__(self, sources):
        self.loader = StringLoader(sources)
    def find_spec(self, fullname, path, target=None):
        if fullname not in self.loader.sources:
            return None
        is_pkg = fullname.endswith("pkg")
        return importlib.util.spec_from_loader(fullname, self.loader, origin="string", is_package=is_pkg)

SOURCES = {
    "smod": "print('exec smod', __name__, __spec__.origin, __package__)\n",
    "spkg": "print('exec spkg', __path__)\n",
    "spkg.leaf": "from . import sibling\nprint('exec spkg.leaf', sibling.S)\n",
    "spkg.sibling": "S = 'sib'\n",
    "custom_object": "",
    "fails_in_exec": "x = 1\nraise OSError('exec failed')\n",
}
observer = Observer()
sys.meta_path.insert(0, observer)
sys.meta_path.insert(1, StringFinder(SOURCES))
import smod
import spkg.leaf
print(repr(smod), repr(spkg))
print(observer.seen)
try:
    import custom_object
except Exception as e:
    print(type(e).__name__ + ":", e)
try:
    import fails_in_exec
except OSError as e:
    print("OSError:", e, "fails_in_exec" in sys.modules)

# A finder that returns something that is not a spec, or a spec without a loader.
class Odd:
    def find_spec(self, fullname, path, target=None):
        if fullname == "odd_none_loader":
            return importlib.machinery.ModuleSpec(fullname, None)
        if fullname == "odd_no_exec":
            return importlib.machinery.ModuleSpec(fullname, object())
        return None
sys.meta_path.insert(0, Odd())
for name in ["odd_none_loader", "odd_no_exec"]:
    try:
        __import__(name)
    except Exception as e:
        print(name, "->", type(e).__name__ + ":", e)

# A finder without find_spec (only the removed find_module) is skipped with a warning.
import warnings
class Legacy:
    def find_module(self, fullname, path=None):
        return None
sys.meta_path.insert(0, Legacy())
with warnings.catch_warnings(record=True) as w:
    warnings.simplefilter("always")
    try:
        import not_found_by_anyone
    except ModuleNotFoundError as e:
        print("ModuleNotFoundError:", e)
    print([(x.category.__name__, str(x.message)) for x in w])
sys.meta_path.pop(0)

# sys.path_hooks and sys.path_importer_cache.
class PrefixFinder:
    def __init__(self, entry):
        if not entry.startswith("strings://"):
            raise ImportError("only strings://")
        print("  PrefixFinder for", entry)
        self.entry = entry
    def find_spec(self, fullname, target=None):
        if fullname == "hooked":
            return importlib.util.spec_from_loader(fullname, StringLoader({"hooked": "V = 'hooked value'\n"}),
                                                   origin=self.entry + fullname)
        return None
    def invalidate_caches(self):
        print("  PrefixFinder.invalidate_caches", self.entry)

sys.path_hooks.insert(0, PrefixFinder)
sys.path.insert(0, "strings://one")
import hooked
print(hooked.V, hooked.__spec__.origin, type(sys.path_importer_cache["strings://one"]).__name__)
try:
    import not_hooked_xyz
except ModuleNotFoundError as e:
    print("ModuleNotFoundError:", e)
# The finder is cached: no second PrefixFinder for the same entry.
importlib.invalidate_caches()

# A directory entry gets a FileFinder; a missing directory gets None in the cache... after a
# lookup through it, as does an entry no hook accepts.
missing = os.path.join(root, "does-not-exist")
sys.path.append(missing)
sys.path.append(root)
try:
    import nowhere_at_all_xyz
except ModuleNotFoundError:
    pass
print(type(sys.path_importer_cache[root]).__name__, sys.path_importer_cache.get(missing, "absent"))
print(importlib.machinery.PathFinder.find_spec("nowhere_at_all_xyz"))
# path_hooks empty: a warning, and no finder.
saved = sys.path_hooks[:]
sys.path_hooks[:] = []
sys.path_importer_cache.pop(root, None)
with warnings.catch_warnings(record=True) as w:
    warnings.simplefilter("always")
    print(importlib.machinery.PathFinder.find_spec("anything_xyz", [root]))
    print([(x.category.__name__, str(x.message)) for x in w])
sys.path_hooks[:] = saved
# A None entry in sys.path_importer_cache makes the path entry be skipped.
with open(os.path.join(root, "in_root.py"), "w") as f:
    f.write("print('in_root imported')\n")
importlib.invalidate_caches()
sys.path_importer_cache[root] = None
try:
    import in_root
except ModuleNotFoundError as e:
    print("ModuleNotFoundError:", e)
del sys.path_importer_cache[root]
import in_root
# Non-str entries of sys.path are ignored.
sys.path.insert(0, 42)
sys.path.insert(0, b"bytes-entry")
import json
print("json imported with odd sys.path entries")
# Empty sys.meta_path: nothing can be imported, with a warning.
saved_meta = sys.meta_path[:]
sys.meta_path.clear()
sys.modules.pop("colorsys", None)
with warnings.catch_warnings(record=True) as w:
    warnings.simplefilter("always")
    try:
        import colorsys
    except ModuleNotFoundError as e:
        print("ModuleNotFoundError:", e)
    print([(x.category.__name__, str(x.message)) for x in w])
sys.meta_path[:] = saved_meta
tmp.cleanup()
