# pkgutil over a package tree: iter_modules, walk_packages, get_data, resolve_name.
import os
import pkgutil
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

write("upkg/__init__.py", "print('exec upkg')\n")
write("upkg/child.py", "print('exec upkg.child')\nVALUE = 'child'\n")
write("upkg/data.txt", "some data\n")
write("upkg/sub/__init__.py", "")
write("upkg/sub/leaf.py", "")
write("upkg/sub/_private.py", "")
write("upkg/not-an-identifier.py", "")
write("upkg/broken_sub/__init__.py", "raise RuntimeError('walk_packages reports this')\n")

# pkgutil over the tree.
print(sorted((m.name, m.ispkg) for m in pkgutil.iter_modules([os.path.join(root, "upkg")])))
print(sorted(m.name for m in pkgutil.walk_packages([os.path.join(root, "upkg")], prefix="upkg.", onerror=lambda name: print("  onerror", name))))
print(pkgutil.get_data("upkg", "data.txt"))
print(pkgutil.resolve_name("upkg.child:VALUE"), pkgutil.resolve_name("os.path.join").__name__)

print(sorted(k for k in sys.modules if k.startswith('upkg')))
tmp.cleanup()
