# The attributes a module gets from its spec (__spec__, __loader__, __file__, __cached__,
# __path__, __package__), for modules, packages, namespace packages, built-in and frozen
# modules, and the cache path helpers (the cache tag is krait-311 on krait: shown as TAG).
import importlib.machinery
import importlib.util
import os
import sys
import tempfile

TAG = sys.implementation.cache_tag
tmp = tempfile.TemporaryDirectory()
root = os.path.realpath(tmp.name)
sys.path.insert(0, root)

def rel(path):
    if path is None or not isinstance(path, str):
        return path
    return path.replace(root, "ROOT").replace(TAG, "TAG")

def write(relpath, text):
    path = os.path.join(root, relpath)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w") as f:
        f.write(text)

write("plainmod.py", "X = 1\n")
write("apkg/__init__.py", "")
write("apkg/leaf.py", "")
os.makedirs(os.path.join(root, "nsdir", "inner"))
write("nsdir/inner/nsleaf.py", "")

def show(mod):
    spec = mod.__spec__
    print(mod.__name__, "package:", repr(mod.__package__))
    print("  file:", rel(getattr(mod, "__file__", "<none>")), "cached:", rel(getattr(mod, "__cached__", "<none>")))
    print("  path:", [rel(p) for p in mod.__path__] if hasattr(mod, "__path__") else "<none>")
    print("  loader:", type(mod.__loader__).__name__ if not isinstance(mod.__loader__, type) else mod.__loader__.__name__,
          mod.__loader__ is spec.loader)
    print("  spec:", spec.name, rel(spec.origin), spec.parent, spec.has_location, rel(spec.cached),
          [rel(p) for p in spec.submodule_search_locations] if spec.submodule_search_locations is not None else None)

import plainmod, apkg, apkg.leaf, nsdir, nsdir.inner, nsdir.inner.nsleaf
for m in (plainmod, apkg, apkg.leaf, nsdir, nsdir.inner, nsdir.inner.nsleaf):
    show(m)
show(sys)
show(importlib._bootstrap)
print(repr(plainmod).replace(root, "ROOT"))
print(repr(nsdir).replace(root, "ROOT"))
print(repr(sys))

# The spec's repr and equality.
spec = importlib.util.find_spec("plainmod")
print(rel(repr(spec)))
print(spec == importlib.util.find_spec("plainmod"), spec == plainmod.__spec__)

# Cache paths.
print(rel(importlib.util.cache_from_source("/a/b/c.py")))
print(rel(importlib.util.cache_from_source("/a/b/c.py", optimization=2)))
print(rel(importlib.util.cache_from_source("/a/b/c.py", optimization="")))
print(importlib.util.source_from_cache("/a/b/__pycache__/c." + TAG + ".pyc"))
print(importlib.util.source_from_cache("/a/b/__pycache__/c." + TAG + ".opt-1.pyc"))
for bad in ["/a/b/c.pyc", "/a/__pycache__/c.pyc", "/a/__pycache__/c.x.y.z.pyc"]:
    try:
        importlib.util.source_from_cache(bad)
    except ValueError as e:
        print("ValueError:", rel(str(e)))
try:
    importlib.util.cache_from_source("/a/b.py", optimization="a-b")
except ValueError as e:
    print("ValueError:", e)
print(importlib.machinery.SOURCE_SUFFIXES, importlib.machinery.BYTECODE_SUFFIXES)
print(".py" in importlib.machinery.all_suffixes())

# spec_from_file_location: a package location, a loader chosen by suffix, no file at all.
s = importlib.util.spec_from_file_location("apkg", os.path.join(root, "apkg", "__init__.py"))
print(s.name, [rel(p) for p in s.submodule_search_locations], type(s.loader).__name__)
s = importlib.util.spec_from_file_location("x", os.path.join(root, "x.txt"))
print(s)
s = importlib.util.spec_from_file_location("x", os.path.join(root, "x.txt"),
                                           loader=importlib.machinery.SourceFileLoader("x", os.path.join(root, "x.txt")))
print(s.name, rel(s.origin), rel(s.cached))
s = importlib.util.spec_from_file_location("y", os.path.join(root, "y.py"), submodule_search_locations=[])
print(s.name, [rel(p) for p in s.submodule_search_locations], s.parent)

# module_from_spec with a spec that has no loader: a bare module with the spec's attributes.
bare = importlib.machinery.ModuleSpec("bare", None, origin="somewhere")
m = importlib.util.module_from_spec(bare)
print(m.__name__, m.__spec__ is bare, m.__loader__, m.__package__, hasattr(m, "__file__"))
bare.has_location = True
m = importlib.util.module_from_spec(bare)
print(m.__file__, repr(m))

# __main__'s spec is None for a script; find_spec refuses it.
import __main__
print(__main__.__spec__, __main__.__package__)
try:
    importlib.util.find_spec("__main__")
except ValueError as e:
    print("ValueError:", e)
tmp.cleanup()
