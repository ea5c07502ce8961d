# A module that raises while it runs: it leaves sys.modules (and its parent's namespace), what it
# imported stays, the next import runs it again; ImportError's name/path/msg attributes and
# keyword arguments; ModuleNotFoundError in the error hierarchy.
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

write("helper_dep.py", "print('run helper_dep')\n")
write("fails.py", "print('run fails')\nimport helper_dep\nPARTIAL = 1\nraise ValueError('fails at import')\n")
for attempt in range(2):
    try:
        import fails
    except ValueError as e:
        print("ValueError:", e)
    print("fails" in sys.modules, "helper_dep" in sys.modules)

# A failing submodule: not in sys.modules, not bound on the package; the package stays.
write("fpkg/__init__.py", "print('run fpkg')\n")
write("fpkg/bad.py", "print('run fpkg.bad')\n1/0\n")
try:
    import fpkg.bad
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)
import fpkg
print("fpkg" in sys.modules, "fpkg.bad" in sys.modules, hasattr(fpkg, "bad"))
try:
    from fpkg import bad
except ZeroDivisionError as e:
    print("ZeroDivisionError again:", e)

# A failing package __init__: the package is gone and its already imported submodules stay.
write("brokenpkg/__init__.py", "from . import fine\nraise RuntimeError('init fails')\n")
write("brokenpkg/fine.py", "X = 'fine'\n")
try:
    import brokenpkg.fine
except RuntimeError as e:
    print("RuntimeError:", e)
print(sorted(k for k in sys.modules if k.startswith("brokenpkg")))

# A module that removes itself from sys.modules while it runs.
write("vanish.py", "import sys\ndel sys.modules[__name__]\n")
try:
    import vanish
except KeyError as e:
    print("KeyError:", e)
except ImportError as e:
    print("ImportError:", e)

# SystemExit and KeyboardInterrupt from a module pass through unchanged.
write("exits.py", "raise SystemExit(4)\n")
try:
    import exits
except SystemExit as e:
    print("SystemExit:", e.code, "exits" in sys.modules)

# ImportError's attributes.
e = ImportError("message", name="mod", path="/some/path")
print(e.msg, e.name, e.path, e.args, str(e))
e = ImportError()
print(e.msg, e.name, e.path, e.args, repr(str(e)))
e = ImportError("a", "b")
print(e.msg, e.args, str(e))
try:
    ImportError("x", nme="typo")
except TypeError as e:
    print("TypeError:", e)
e = ModuleNotFoundError("gone", name="gone")
print(type(e).__mro__[1].__name__, e.name, isinstance(e, ImportError))
e.name = "changed"
e.msg = "new msg"
print(e.name, e.msg, str(e), e.args)
print(repr(ImportError("m", name="n")), repr(ModuleNotFoundError("m")))
try:
    import definitely_not_a_module_anywhere
except ImportError as e:
    print(type(e).__name__, e.name, e.path, e.msg)
try:
    from os import definitely_missing
except ImportError as e:
    print(type(e).__name__, e.name, e.path.rsplit("/", 1)[-1], e.msg)
tmp.cleanup()
