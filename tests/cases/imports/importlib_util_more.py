# More of importlib's API: find_spec's rules (parents imported, sys.modules first, __spec__ None
# or missing), loaders used directly (get_source/get_code/is_package/get_data),
# import_module's errors and resolve_name's errors.
import importlib
import importlib.machinery
import importlib.util
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

def attempt(label, f, *args):
    try:
        r = f(*args)
    except Exception as e:
        print(label, "->", type(e).__name__ + ":", str(e).replace(root, "ROOT"))
    else:
        print(label, "->", r if not isinstance(r, str) else r.replace(root, "ROOT"))

write("upkg/__init__.py", "print('exec upkg')\n")
write("upkg/child.py", "print('exec upkg.child')\nVALUE = 'child'\n")
write("upkg/data.txt", "some data\n")
write("upkg/sub/__init__.py", "")
write("upkg/sub/leaf.py", "")

# find_spec imports the parent package, but not the module itself.
spec = importlib.util.find_spec("upkg.child")
print(spec.name, "upkg" in sys.modules, "upkg.child" in sys.modules)
import upkg.child
print(importlib.util.find_spec("upkg.child") is upkg.child.__spec__)
attempt("relative find_spec", lambda: importlib.util.find_spec(".child", "upkg").name)
attempt("relative without package", importlib.util.find_spec, ".child")
m = types.ModuleType("nospec_mod")
m.__spec__ = None
sys.modules["nospec_mod"] = m
attempt("__spec__ None", importlib.util.find_spec, "nospec_mod")
del m.__spec__
attempt("__spec__ missing", importlib.util.find_spec, "nospec_mod")
attempt("not a package parent", importlib.util.find_spec, "upkg.child.x")
attempt("missing parent", importlib.util.find_spec, "no_parent_xyz.child")

# import_module's errors.
attempt("import_module('')", importlib.import_module, "")
attempt("import_module('..x', 'upkg')", importlib.import_module, "..x", "upkg")
attempt("import_module('.nothere', 'upkg')", importlib.import_module, ".nothere", "upkg")
attempt("import_module('.child', 'upkg')", lambda: importlib.import_module(".child", "upkg").VALUE)
attempt("resolve_name('...x', 'a.b')", importlib.util.resolve_name, "...x", "a.b")
attempt("resolve_name('.x', '')", importlib.util.resolve_name, ".x", "")
attempt("resolve_name('x', None)", importlib.util.resolve_name, "x", None)

# A loader used directly.
loader = upkg.child.__loader__
print(loader.get_filename("upkg.child").replace(root, "ROOT"), loader.is_package("upkg.child"),
      upkg.__loader__.is_package("upkg"))
print(repr(loader.get_source("upkg.child")))
code = loader.get_code("upkg.child")
print(type(code).__name__, code.co_filename.replace(root, "ROOT"), code.co_name)
print(loader.get_data(os.path.join(root, "upkg", "data.txt")))
attempt("get_data missing", loader.get_data, os.path.join(root, "upkg", "none.txt"))
fl = importlib.machinery.SourceFileLoader("byhand", os.path.join(root, "upkg", "child.py"))
mod = types.ModuleType("byhand")
fl.exec_module(mod)
print(mod.VALUE, "byhand" in sys.modules)
print(importlib.machinery.SourceFileLoader("a", "/x/__init__.py").is_package("a"))

tmp.cleanup()
