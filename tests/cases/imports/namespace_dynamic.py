# Namespace packages (PEP 420) spread over several sys.path entries: portions found in order,
# __path__ recomputed when sys.path changes, a regular package shadowing later portions, and
# a namespace package turned into nothing when its directories go away.
import importlib
import os
import sys
import tempfile

tmp = tempfile.TemporaryDirectory()
root = os.path.realpath(tmp.name)

def write(relpath, text=""):
    path = os.path.join(root, relpath)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w") as f:
        f.write(text)

def rel(paths):
    return [p.replace(root, "ROOT") for p in paths]

write("a/spread/one.py", "NAME = 'one from a'\n")
write("b/spread/two.py", "NAME = 'two from b'\n")
write("c/spread/three.py", "NAME = 'three from c'\n")
write("b/spread/one.py", "NAME = 'one from b (shadowed)'\n")
sys.path[:0] = [os.path.join(root, "a"), os.path.join(root, "b")]
import spread
print(rel(spread.__path__), repr(spread.__path__).replace(root, "ROOT"))
import spread.one, spread.two
print(spread.one.NAME, spread.two.NAME)
try:
    import spread.three
except ModuleNotFoundError as e:
    print("ModuleNotFoundError:", e)
# A new sys.path entry extends __path__ on the next lookup.
sys.path.append(os.path.join(root, "c"))
import spread.three
print(spread.three.NAME, rel(spread.__path__))
print(len(spread.__path__), os.path.join(root, "c", "spread") in spread.__path__)
print(spread.__spec__.submodule_search_locations is spread.__path__)

# A regular package earlier on sys.path wins over namespace portions.
write("d/mixed/__init__.py", "print('regular mixed')\n")
write("e/mixed/extra.py", "")
sys.path[:0] = [os.path.join(root, "e"), os.path.join(root, "d")]
import mixed
print(type(mixed.__path__).__name__, rel(mixed.__path__))
try:
    import mixed.extra
except ModuleNotFoundError as e:
    print("ModuleNotFoundError:", e)

# Nested namespace packages.
write("f/outer/inner/leaf.py", "X = 'leaf'\n")
sys.path.insert(0, os.path.join(root, "f"))
import outer.inner.leaf
print(outer.inner.leaf.X, outer.__spec__.origin, outer.inner.__spec__.loader is not None)
# A module anywhere on sys.path beats namespace portions found earlier.
write("f/later/inner.py", "")
write("g/later.py", "print('the module later.py wins')\n")
sys.path[1:1] = [os.path.join(root, "g")]
import later
try:
    import later.inner
except ModuleNotFoundError as e:
    print("ModuleNotFoundError:", e)
# A module beats a namespace directory in the same entry.
write("h/dirormod/x.py", "")
write("h/dirormod.py", "KIND = 'module wins'\n")
sys.path.insert(0, os.path.join(root, "h"))
import dirormod
print(dirormod.KIND)

# Reloading a namespace package, and its module repr.
importlib.reload(spread)
print(rel(spread.__path__))
print(repr(spread.__loader__).split(" object")[0])
tmp.cleanup()
