# importlib.reload: the module object and its dict are kept, the source is run again (a changed
# source is picked up after invalidate_caches), packages reload, and the errors reload gives.
import importlib
import os
import sys
import tempfile

tmp = tempfile.TemporaryDirectory()
root = tmp.name
sys.path.insert(0, root)

def write(rel, text):
    path = os.path.join(root, rel)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w") as f:
        f.write(text)
    # A distinct mtime, so that nothing depends on the clock's resolution.
    st = os.stat(path)
    write.tick += 10
    os.utime(path, (st.st_atime, 1_000_000 + write.tick))
write.tick = 0

write("rmod.py", "print('exec rmod', __name__)\nCOUNT = globals().get('COUNT', 0) + 1\nVERSION = 1\n")
import rmod
first_dict = rmod.__dict__
print(rmod.COUNT, rmod.VERSION)
rmod.ADDED = "survives"
r = importlib.reload(rmod)
print(r is rmod, rmod.__dict__ is first_dict, rmod.COUNT, rmod.ADDED)

write("rmod.py", "print('exec rmod v2')\nVERSION = 2\ndef f():\n    return 'new f'\n")
importlib.invalidate_caches()
importlib.reload(rmod)
print(rmod.VERSION, rmod.f(), rmod.COUNT, rmod.ADDED)

# A reference taken before the reload keeps the old object.
old_f = rmod.f
write("rmod.py", "VERSION = 3\ndef f():\n    return 'newer f'\n")
importlib.reload(rmod)
print(old_f(), rmod.f(), old_f is rmod.f)

# Packages: reloading the package does not reload its submodules.
write("rpkg/__init__.py", "print('exec rpkg')\nfrom . import child\n")
write("rpkg/child.py", "print('exec rpkg.child')\nN = 1\n")
import rpkg
importlib.reload(rpkg)
importlib.reload(rpkg.child)
print(rpkg.child.N, sorted(k for k in sys.modules if k.startswith("rpkg")))

# Errors.
for arg in ["rmod", 42, None]:
    try:
        importlib.reload(arg)
    except TypeError as e:
        print("TypeError:", e)
import types
loose = types.ModuleType("not_in_sys_modules")
try:
    importlib.reload(loose)
except ImportError as e:
    print("ImportError:", e, e.name)

# The source disappears: reload cannot find a spec.
write("gone.py", "X = 1\n")
import gone
os.remove(os.path.join(root, "gone.py"))
importlib.invalidate_caches()
try:
    importlib.reload(gone)
except ModuleNotFoundError as e:
    print("ModuleNotFoundError:", e, e.name)
print(gone.X, sys.modules["gone"] is gone)

# A reload whose source raises: the module stays in sys.modules with what ran so far.
write("flaky.py", "A = 1\n")
import flaky
write("flaky.py", "A = 2\nB = 1 / 0\n")
importlib.invalidate_caches()
try:
    importlib.reload(flaky)
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)
print(flaky.A, hasattr(flaky, "B"), sys.modules["flaky"] is flaky)

# Reloading sys and builtins is allowed.
print(importlib.reload(sys) is sys, importlib.reload(importlib) is importlib)
tmp.cleanup()
