# Package corner cases: a package extending its own __path__, a submodule overwriting a
# same-named attribute of its package, importing a child after the parent left sys.modules,
# reload of a child whose parent is gone, a sourceless package (__init__.pyc only), source
# encodings and a BOM, a module name that is not an identifier.
import importlib
import os
import py_compile
import sys
import tempfile

tmp = tempfile.TemporaryDirectory()
root = os.path.realpath(tmp.name)
sys.path.insert(0, root)

def write(relpath, text, mode="w"):
    path = os.path.join(root, relpath)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, mode) as f:
        f.write(text)

def attempt(label, f):
    try:
        r = f()
    except Exception as e:
        print(label, "->", type(e).__name__ + ":", str(e).replace(root, "ROOT"))
    else:
        print(label, "->", r)

# __path__ extended by the package itself.
write("ext/__init__.py", "import os\n__path__.append(os.path.join(os.path.dirname(__path__[0]), 'ext_more'))\n")
write("ext_more/extra.py", "WHERE = 'ext_more'\n")
import ext.extra
print(ext.extra.WHERE, [p.replace(root, "ROOT") for p in ext.__path__], ext.extra.__name__)

# A submodule import rebinds the package attribute of the same name.
write("shadow/__init__.py", "child = 'a string attribute'\n")
write("shadow/child.py", "NAME = 'the submodule'\n")
import shadow
print(shadow.child)
import shadow.child
print(type(shadow.child).__name__, shadow.child.NAME)
write("shadow2/__init__.py", "child = 'a string attribute'\n")
write("shadow2/child.py", "")
from shadow2 import child
print(repr(child))

# The parent removed from sys.modules: importing the child runs the parent again.
write("runs_twice/__init__.py", "print('exec runs_twice')\n")
write("runs_twice/kid.py", "print('exec runs_twice.kid')\n")
import runs_twice.kid
del sys.modules["runs_twice"]
import runs_twice.kid
print(sys.modules["runs_twice"].kid is sys.modules["runs_twice.kid"] if hasattr(sys.modules["runs_twice"], "kid") else "no kid attribute")
del sys.modules["runs_twice"]
attempt("reload child without parent", lambda: importlib.reload(sys.modules["runs_twice.kid"]))

# A sourceless package.
write("srcless/__init__.py", "print('exec srcless', __file__.rsplit('/', 1)[-1])\nX = 1\n")
write("srcless/mod.py", "Y = 2\n")
for name in ["__init__", "mod"]:
    src = os.path.join(root, "srcless", name + ".py")
    py_compile.compile(src, cfile=src + "c", doraise=True)
    os.remove(src)
importlib.invalidate_caches()
import srcless.mod
print(srcless.X, srcless.mod.Y, type(srcless.__loader__).__name__, [p.replace(root, "ROOT") for p in srcless.__path__])

# Source encodings.
write("latin.py", "# -*- coding: latin-1 -*-\nS = '\xe9t\xe9'\n".encode("latin-1"), "wb")
write("bom.py", b"\xef\xbb\xbfS = 'bom ok'\n", "wb")
write("badcoding.py", b"# -*- coding: no-such-codec -*-\nS = 1\n", "wb")
write("badutf8.py", b"S = '\xff'\n", "wb")
import latin, bom
print(latin.S, bom.S)
attempt("import badcoding", lambda: __import__("badcoding"))
attempt("import badutf8", lambda: __import__("badutf8"))

# Names that are not identifiers.
write("with-dash.py", "print('exec with-dash', __name__)\n")
write("has space.py", "")
print(importlib.import_module("with-dash").__name__)
attempt("import_module('has space')", lambda: importlib.import_module("has space").__name__)
attempt("__import__('a..b')", lambda: __import__("a..b"))
attempt("__import__('.')", lambda: __import__("."))
attempt("import_module('trailing.')", lambda: importlib.import_module("trailing."))
tmp.cleanup()
