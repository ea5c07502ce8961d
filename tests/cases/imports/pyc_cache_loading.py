# When the cache is used: a .pyc whose recorded mtime and size match is run instead of the
# source (even if the source changed), a stale one is recompiled and rewritten, a sourceless
# .pyc beside (not inside __pycache__) is importable, an orphan in __pycache__ is not, and
# hash-based pycs obey --check-hash-based-pycs.
import os
import sys
import tempfile
sys.path.insert(0, __file__.rsplit("/", 1)[0] + "/_trees")
import childrun

TAG = sys.implementation.cache_tag
tmp = tempfile.TemporaryDirectory()
root = os.path.realpath(tmp.name)
MTIME = 1_600_000_000

def write(name, text, mtime=MTIME):
    path = os.path.join(root, name)
    with open(path, "w") as f:
        f.write(text)
    os.utime(path, (mtime, mtime))

def cached(name):
    return os.path.join(root, "__pycache__", name + "." + TAG + ".pyc")

def run(title, code, *options):
    rc, out, err = childrun.run([*options, "-c", code], childrun.clean_env(), cwd=root)
    print("==", title, "exit", rc)
    print(out, end="")
    lines = err.replace(root, "ROOT").replace(TAG, "TAG").splitlines()
    if lines:
        print("  stderr last line:", lines[-1])

# Trusted cache: same size and mtime, different text.
write("tm.py", "print('version A')\n")
run("first import writes the cache", "import tm")
print(os.path.exists(cached("tm")))
write("tm.py", "print('version B')\n")  # same size, same mtime
run("the cache runs", "import tm")
write("tm.py", "print('version C')\n", MTIME + 5)
run("a changed mtime recompiles", "import tm")
run("and the rewritten cache runs", "import tm; import importlib.util; print(importlib.util.cache_from_source(tm.__file__) == tm.__cached__)")
write("tm.py", "print('version D, longer')\n", MTIME + 5)
run("a changed size recompiles", "import tm")

# The header of the cache written for tm.py: flags 0, then the source's mtime and size.
with open(cached("tm"), "rb") as f:
    header = f.read(16)
print("flags", int.from_bytes(header[4:8], "little"), "mtime ok", int.from_bytes(header[8:12], "little") == MTIME + 5,
      "size", int.from_bytes(header[12:16], "little"))

# Sourceless: the .pyc moved beside where the source was; an orphan in __pycache__ is ignored.
os.replace(cached("tm"), os.path.join(root, "tm.pyc"))
os.remove(os.path.join(root, "tm.py"))
run("sourceless .pyc", "import tm; print(type(tm.__loader__).__name__, tm.__file__.endswith('tm.pyc'), tm.__cached__ == tm.__file__)")
write("orphan.py", "print('orphan')\n")
run("cache orphan.py", "import orphan")
os.remove(os.path.join(root, "orphan.py"))
run("orphan in __pycache__", "import orphan")

# Hash-based pycs (PEP 552), written by py_compile.
import py_compile
for mode, name in [(py_compile.PycInvalidationMode.CHECKED_HASH, "checked"),
                   (py_compile.PycInvalidationMode.UNCHECKED_HASH, "unchecked")]:
    write(name + ".py", "print('%s original')\n" % name)
    py_compile.compile(os.path.join(root, name + ".py"), invalidation_mode=mode, doraise=True)
    with open(cached(name), "rb") as f:
        print(name, "flags", int.from_bytes(f.read(16)[4:8], "little"))
    write(name + ".py", "print('%s edited!!')\n" % name, MTIME + 100)
    for option in ["default", "always", "never"]:
        opts = () if option == "default" else ("--check-hash-based-pycs", option)
        run(name + " " + option, "import " + name, *opts)
        # Restore the stale hash-based cache for the next run (a checked one gets recompiled).
        write(name + ".py", "print('%s original')\n" % name)
        py_compile.compile(os.path.join(root, name + ".py"), invalidation_mode=mode, doraise=True)
        write(name + ".py", "print('%s edited!!')\n" % name, MTIME + 100)
run("bad --check-hash-based-pycs", "pass", "--check-hash-based-pycs", "sometimes")

# SOURCE_DATE_EPOCH makes py_compile write checked hash-based pycs by default.
write("epoch.py", "X = 1\n")
rc, out, err = childrun.run(["-c", "import py_compile, sys; c = py_compile.compile('epoch.py', doraise=True); print(open(c, 'rb').read(8)[4:8])"],
                            childrun.clean_env(SOURCE_DATE_EPOCH="1"), cwd=root)
print("SOURCE_DATE_EPOCH", rc, out, end="")
tmp.cleanup()
