# `from X import *` with __all__ (entries that are missing, not str, or submodules), without
# __all__ (underscore names skipped), and __import__'s fromlist (submodules imported on demand,
# missing ones ignored, errors inside them propagated).
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

def star(module):
    ns = {}
    try:
        exec(f"from {module} import *", ns)
    except Exception as e:
        print(module, "->", type(e).__name__ + ":", str(e).replace(root, "ROOT"))
    else:
        print(module, "->", sorted(k for k in ns if k != "__builtins__"))

write("noall.py", "a = 1\n_b = 2\n__c__ = 3\nimport os\n")
write("withall.py", "__all__ = ['a', '_b']\na = 1\n_b = 2\nc = 3\n")
write("badall.py", "__all__ = ['a', 'missing']\na = 1\n")
write("intall.py", "__all__ = ['a', 5]\na = 1\n")
write("tupleall.py", "__all__ = ('x',)\nx = 1\n")
write("genall.py", "__all__ = (n for n in ['g'])\ng = 1\n")
write("strall.py", "__all__ = 'ab'\na = b = 1\n")
write("starpkg/__init__.py", "__all__ = ['sub1', 'sub2', 'top']\ntop = 'top'\n")
write("starpkg/sub1.py", "print('run starpkg.sub1')\n")
write("starpkg/sub2.py", "print('run starpkg.sub2')\n")
write("starpkg/sub3.py", "print('run starpkg.sub3')\n")
write("errpkg/__init__.py", "__all__ = ['gone', 'raising']\n")
write("errpkg/raising.py", "raise LookupError('raising submodule')\n")
write("dictonly.py", "import sys\nclass D(dict): pass\n")
for name in ["noall", "withall", "badall", "intall", "tupleall", "genall", "strall", "starpkg", "errpkg"]:
    star(name)
print(sorted(k for k in sys.modules if k.startswith("starpkg")))

# __all__ that is not iterable, and a module whose __dict__ has a non-str key.
write("noniter.py", "__all__ = 5\n")
star("noniter")
write("dictall.py", "__all__ = {'a': 1}\na = 1\n")
star("dictall")
write("seqall.py", "class L:\n    def __getitem__(self, i):\n        if i < 2:\n            return 'ab'[i]\n        raise IndexError\n__all__ = L()\na = b = 2\n")
star("seqall")
write("oddkeys.py", "globals()[1] = 'one'\nvisible = 1\n")
star("oddkeys")

# __import__ with a fromlist.
write("flpkg/__init__.py", "print('run flpkg')\n")
write("flpkg/a.py", "print('run flpkg.a')\n")
write("flpkg/b.py", "import no_such_dependency_xyz\n")
m = __import__("flpkg", fromlist=["a", "not_there"])
print(m.__name__, hasattr(m, "a"), hasattr(m, "not_there"))
try:
    __import__("flpkg", fromlist=["b"])
except ModuleNotFoundError as e:
    print("ModuleNotFoundError:", e)
try:
    __import__("flpkg", fromlist=[5])
except TypeError as e:
    print("TypeError:", e)
try:
    __import__("flpkg", fromlist=["*", 5])
except TypeError as e:
    print("TypeError:", e)
m = __import__("flpkg", fromlist=("*",))
print(m.__name__)
print(__import__("os.path", fromlist=[""]).__name__)
print(__import__("os.path").__name__)
tmp.cleanup()
