# Circular imports: what a partially initialized module offers, the messages for names and
# attributes it does not have yet, and `import a.b as c` / `from . import x` inside a cycle.
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

def attempt(source):
    try:
        exec(source, {})
    except Exception as e:
        print(type(e).__name__ + ":", str(e).replace(root, "ROOT"))
        if isinstance(e, ImportError):
            print("   name =", e.name, "path =", e.path and e.path.replace(root, "ROOT"))
    else:
        print("ok:", source)

# from-import of a name the other module has not defined yet.
write("ping.py", "from pong import PONG\nPING = 'ping'\n")
write("pong.py", "from ping import PING\nPONG = 'pong'\n")
attempt("import ping")
print(sorted(k for k in sys.modules if k in ("ping", "pong")))

# Attribute access on the partially initialized module.
write("left.py", "import right\nLEFT = 1\n")
write("right.py", "import left\nVALUE = left.LEFT\n")
attempt("import left")

# A partially initialized module whose spec lost _initializing: the plain messages.
write("halfway.py", "import sys\nsys.modules[__name__].__spec__._initializing = False\nimport other_half\n")
write("other_half.py", "import halfway\nhalfway.NOPE\n")
attempt("import halfway")

# Cycles that work: names used only after both modules ran, a package whose submodules import
# each other through the package, and `import a.b as c` during a.b's parent's initialization.
write("cyc/__init__.py", "from . import one\nfrom . import two\nALL = (one.NAME, two.NAME)\n")
write("cyc/one.py", "from . import two\nNAME = 'one'\ndef partner():\n    return two.NAME\n")
write("cyc/two.py", "from cyc import one\nimport cyc.one as alias\nNAME = 'two'\nSAW = alias is one\n")
attempt("import cyc")
import cyc
print(cyc.ALL, cyc.one.partner(), cyc.two.SAW)

# A submodule imported while its package is still initializing, and `from package import name`
# of something the package defines only later.
write("early/__init__.py", "from .kid import use\nLATE = 'late'\n")
write("early/kid.py", "from early import LATE\ndef use():\n    return LATE\n")
attempt("import early")
print(sorted(k for k in sys.modules if k.startswith("early")))

# The failing module of a cycle is removed from sys.modules; the one that succeeded stays.
write("stays.py", "X = 1\nimport leaves\n")
write("leaves.py", "import stays\nY = stays.X\nraise RuntimeError('leaves fails')\n")
attempt("import stays")
print("stays" in sys.modules, "leaves" in sys.modules)
tmp.cleanup()
