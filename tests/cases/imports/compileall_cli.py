# `python -m compileall` and `python -m py_compile` on a temporary tree: what they print, which
# files they write, -q/-f/-l/-x/-b/-o/--invalidation-mode, and a file with a syntax error.
import os
import sys
import tempfile
sys.path.insert(0, __file__.rsplit("/", 1)[0] + "/_trees")
import childrun

TAG = sys.implementation.cache_tag
tmp = tempfile.TemporaryDirectory()
root = os.path.realpath(tmp.name)

def write(relpath, text):
    path = os.path.join(root, relpath)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w") as f:
        f.write(text)

write("tree/a.py", "A = 1\n")
write("tree/pkg/__init__.py", "")
write("tree/pkg/b.py", "B = 2\n")
write("tree/skip_me.py", "S = 3\n")
write("tree/pkg/deeper/c.py", "C = 3\n")

def listing():
    found = []
    for d, dirs, files in os.walk(root):
        dirs.sort()
        for name in sorted(files):
            if name.endswith(".pyc"):
                found.append(os.path.relpath(os.path.join(d, name), root).replace(TAG, "TAG"))
    return found

def clean():
    for d, dirs, files in os.walk(root):
        for name in files:
            if name.endswith(".pyc"):
                os.remove(os.path.join(d, name))

def run(title, *args):
    # compileall writes whatever sys.dont_write_bytecode says: the variable keeps the children
    # from caching the stdlib modules they import.
    rc, out, err = childrun.run(list(args), childrun.clean_env(PYTHONDONTWRITEBYTECODE="1"), cwd=root)
    print("==", title, "exit", rc)
    for line in (out + err).replace(root, "ROOT").replace(TAG, "TAG").splitlines():
        print("  |", line)
    for path in listing():
        print("  ", path)

run("compileall", "-m", "compileall", "tree")
run("again: nothing to do", "-m", "compileall", "tree")
run("-f -q", "-m", "compileall", "-f", "-q", "tree")
clean()
run("-l (no recursion)", "-m", "compileall", "-q", "-l", "tree")
clean()
run("-x skip", "-m", "compileall", "-q", "-x", "skip", "tree")
clean()
run("-b (legacy)", "-m", "compileall", "-q", "-b", "tree/pkg")
clean()
run("-o 1 -o 2", "-m", "compileall", "-q", "-o", "1", "-o", "2", "tree/a.py")
clean()
run("-r 0", "-m", "compileall", "-q", "-r", "0", "tree")
clean()
run("checked-hash", "-m", "compileall", "-q", "--invalidation-mode", "checked-hash", "tree/a.py")
with open(os.path.join(root, "tree", "__pycache__", "a." + TAG + ".pyc"), "rb") as f:
    print("  flags", int.from_bytes(f.read(8)[4:], "little"))
clean()
write("tree/broken.py", "def f(:\n")
run("syntax error", "-m", "compileall", "-q", "tree")
clean()
run("py_compile", "-m", "py_compile", "tree/a.py", "tree/pkg/b.py")
clean()
run("py_compile error", "-m", "py_compile", "tree/broken.py")
run("py_compile missing", "-m", "py_compile", "tree/nothere.py")
tmp.cleanup()
