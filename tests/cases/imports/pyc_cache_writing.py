# Where the .pyc cache goes and when it is not written: the default __pycache__, -B,
# PYTHONDONTWRITEBYTECODE, sys.dont_write_bytecode, PYTHONPYCACHEPREFIX / -X pycache_prefix /
# sys.pycache_prefix, -O and -OO (.opt-1/.opt-2), and a __pycache__ that cannot be a directory.
# Cache file names show the implementation's tag as TAG (cpython-311 / krait-311).
import os
import sys
import tempfile
sys.path.insert(0, __file__.rsplit("/", 1)[0] + "/_trees")
import childrun

TAG = sys.implementation.cache_tag
tmp = tempfile.TemporaryDirectory()
root = os.path.realpath(tmp.name)
proj = os.path.join(root, "proj")
os.makedirs(os.path.join(proj, "cpkg"))
with open(os.path.join(proj, "cmod.py"), "w") as f:
    f.write("import sys\nprint('cmod runs; dont_write_bytecode =', sys.dont_write_bytecode, 'prefix =', sys.pycache_prefix and sys.pycache_prefix.replace(%r, 'ROOT'))\n" % root)
with open(os.path.join(proj, "cpkg", "__init__.py"), "w") as f:
    f.write("from . import leaf\n")
with open(os.path.join(proj, "cpkg", "leaf.py"), "w") as f:
    f.write("'''doc'''\nassert True\n")

def listing():
    found = []
    for d, dirs, files in os.walk(root):
        dirs.sort()
        for name in sorted(files):
            path = os.path.relpath(os.path.join(d, name), root)
            # Only the project's files: the interpreters import different stdlib modules.
            if path.endswith(".pyc") and "proj" in path and "usr/lib" not in path:
                found.append(path.replace(root.lstrip("/"), "ROOT").replace(TAG, "TAG"))
    return found

def clean():
    for d, dirs, files in os.walk(root, topdown=False):
        for name in files:
            if name.endswith(".pyc"):
                os.remove(os.path.join(d, name))
        for name in dirs:
            if name == "__pycache__" or d == os.path.join(root, "prefix"):
                p = os.path.join(d, name)
                if os.path.isdir(p) and not os.listdir(p):
                    os.rmdir(p)

def run(title, options=(), env_extra=None, code="import cmod, cpkg"):
    code_, out, err = childrun.run([*options, "-c", code], childrun.clean_env(**(env_extra or {})), cwd=proj)
    print("==", title, "exit", code_)
    print(out, end="")
    print(err.replace(root, "ROOT"), end="")
    for path in listing():
        print("  ", path)
    clean()

run("default")
run("-B", ["-B"])
run("PYTHONDONTWRITEBYTECODE=1", env_extra={"PYTHONDONTWRITEBYTECODE": "1"})
run("PYTHONDONTWRITEBYTECODE empty", env_extra={"PYTHONDONTWRITEBYTECODE": ""})
run("sys.dont_write_bytecode", code="import sys; sys.dont_write_bytecode = True; import cmod, cpkg")
run("-O", ["-O"])
run("-OO", ["-OO"])
run("PYTHONPYCACHEPREFIX", env_extra={"PYTHONPYCACHEPREFIX": os.path.join(root, "prefix")})
run("-X pycache_prefix", ["-X", "pycache_prefix=" + os.path.join(root, "prefix")])
run("sys.pycache_prefix", code="import sys; sys.pycache_prefix = %r; import cmod, cpkg" % os.path.join(root, "prefix"))
run("-B wins over the prefix", ["-B"], env_extra={"PYTHONPYCACHEPREFIX": os.path.join(root, "prefix")})
run("relative PYTHONPYCACHEPREFIX", env_extra={"PYTHONPYCACHEPREFIX": "relprefix"},
    code="import sys, os; print(sys.pycache_prefix == os.path.join(os.getcwd(), 'relprefix')); import cmod")
for d, dirs, files in os.walk(root, topdown=False):
    for name in dirs:
        if name == "relprefix":
            import shutil
            shutil.rmtree(os.path.join(d, name))

# A script run by path is not cached; one run by -m is (runpy gets its code from the loader).
code_, out, err = childrun.run(["cmod.py"], childrun.clean_env(), cwd=proj)
print("== script by path exit", code_, listing())
code_, out, err = childrun.run(["-m", "cmod"], childrun.clean_env(), cwd=proj)
print("== -m cmod exit", code_, listing())
clean()
code_, out, err = childrun.run(["-m", "cpkg.leaf"], childrun.clean_env(), cwd=proj)
print("== -m cpkg.leaf exit", code_, listing())
clean()

# __pycache__ is a file: the import works and nothing is written, silently.
with open(os.path.join(proj, "__pycache__"), "w") as f:
    f.write("not a directory")
run("__pycache__ is a file")
os.remove(os.path.join(proj, "__pycache__"))

# py_compile and compileall write the same names.
import py_compile, compileall
cfile = py_compile.compile(os.path.join(proj, "cmod.py"), doraise=True)
print(os.path.relpath(cfile, root).replace(TAG, "TAG"))
cfile = py_compile.compile(os.path.join(proj, "cmod.py"), cfile=os.path.join(root, "elsewhere.pyc"), doraise=True)
print(os.path.relpath(cfile, root))
print(compileall.compile_dir(proj, quiet=1, optimize=[0, 2]))
print(listing())
clean()
print(compileall.compile_dir(proj, quiet=1, legacy=True))
print(listing())
tmp.cleanup()
