# compileall and py_compile as libraries: the file names recorded in the code (ddir, stripdir,
# prependdir, dfile), force and the up-to-date check, rx and maxlevels, errors with doraise,
# and the return values.
import compileall
import importlib.util
import io
import marshal
import os
import py_compile
import sys
import tempfile

tmp = tempfile.TemporaryDirectory()
root = os.path.realpath(tmp.name)

def write(relpath, text):
    path = os.path.join(root, relpath)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w") as f:
        f.write(text)
    return path

def co_filename(source_path, optimization=""):
    with open(importlib.util.cache_from_source(source_path, optimization=optimization), "rb") as f:
        code = marshal.loads(f.read()[16:])  # marshal ignores bytes after the code object
    return code.co_filename.replace(root, "ROOT")

a = write("src/a.py", "def f():\n    return 1\n")
b = write("src/pkg/b.py", "X = 2\n")
bad = write("src/pkg/bad.py", "x = (\n")

quiet = io.StringIO()
saved, sys.stdout = sys.stdout, quiet
ok = compileall.compile_dir(os.path.join(root, "src"), quiet=1)
sys.stdout = saved
print("compile_dir with a syntax error:", ok)
print("printed:", [line.replace(root, "ROOT") for line in quiet.getvalue().splitlines()][:2])
print(co_filename(a), co_filename(b))
os.remove(bad)
print(compileall.compile_file(a, ddir="/shown/dir", force=True, quiet=1), co_filename(a))
print(compileall.compile_file(a, stripdir=os.path.join(root, "src"), prependdir="/opt/app", force=True, quiet=1), co_filename(a))
print(compileall.compile_dir(os.path.join(root, "src"), rx=__import__("re").compile(r"b\.py"), force=True, quiet=1), co_filename(b))
print(compileall.compile_dir(os.path.join(root, "src"), maxlevels=0, force=True, quiet=1))
cfile = py_compile.compile(a, dfile="display_name.py", doraise=True)
print(co_filename(a))
try:
    py_compile.compile(write("src/bad2.py", "def (:\n"), doraise=True)
except py_compile.PyCompileError as e:
    print("PyCompileError:", e.exc_type_name, e.msg.replace(root, "ROOT").splitlines()[-1])
err = io.StringIO()
saved, sys.stderr = sys.stderr, err
print("doraise=False returns", py_compile.compile(os.path.join(root, "src", "bad2.py")))
sys.stderr = saved
print("stderr:", err.getvalue().replace(root, "ROOT").strip().splitlines()[-1])
try:
    py_compile.compile(os.path.join(root, "src", "missing.py"), doraise=True)
except FileNotFoundError as e:
    print("FileNotFoundError:", e.strerror)
# -O levels chosen by optimize=.
py_compile.compile(a, optimize=2, doraise=True)
print(os.path.exists(importlib.util.cache_from_source(a, optimization=2)))
tmp.cleanup()
