# Running code by path: `python DIR` and `python ARCHIVE.zip` with a __main__.py, runpy.run_path
# and runpy.run_module (their globals, sys.argv[0], the temporary sys.modules['__main__']),
# a directory without __main__.py.
import os
import runpy
import sys
import tempfile
import zipfile
sys.path.insert(0, __file__.rsplit("/", 1)[0] + "/_trees")
import childrun

tmp = tempfile.TemporaryDirectory()
root = os.path.realpath(tmp.name)

def write(relpath, text):
    path = os.path.join(root, relpath)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w") as f:
        f.write(text)

MAIN = """import sys
print('__main__.py:', __name__, repr(__package__), __spec__ and __spec__.name, __file__.replace(%r, 'ROOT'))
print('argv0:', sys.argv[0].replace(%r, 'ROOT'), 'path0:', sys.path[0].replace(%r, 'ROOT'))
import helper
print('helper from', helper.__file__.replace(%r, 'ROOT'))
""" % (root, root, root, root)
write("app/__main__.py", MAIN)
write("app/helper.py", "")
write("nomain/other.py", "")
with zipfile.ZipFile(os.path.join(root, "app.zip"), "w") as z:
    z.writestr("__main__.py", MAIN)
    z.writestr("helper.py", "")

def run(title, args):
    rc, out, err = childrun.run(args, childrun.clean_env(), cwd=root)
    print("==", title, "exit", rc)
    print(out.replace(root, "ROOT"), end="")
    err = err.replace(childrun.interpreter(), "PYTHON").replace(root, "ROOT")
    if err:
        print("  stderr:", err.strip().splitlines()[-1])

run("python DIR", ["app"])
run("python ARCHIVE.zip", ["app.zip"])
run("python DIR without __main__.py", ["nomain"])
run("python missing file", ["missing.py"])

# runpy in this process.
write("script.py", "import sys\nRESULT = (__name__, __file__.rsplit('/', 1)[-1], sys.argv[0].rsplit('/', 1)[-1], sys.modules['__main__'].__name__ if '__main__' in sys.modules else None)\n")
g = runpy.run_path(os.path.join(root, "script.py"))
print("run_path:", g["RESULT"], g["__name__"], sorted(k for k in g if k.startswith("__") and k != "__builtins__"))
g = runpy.run_path(os.path.join(root, "script.py"), run_name="__main__", init_globals={"EXTRA": 1})
print("run_path as __main__:", g["RESULT"], g["EXTRA"])
print("argv0 restored:", sys.argv[0].rsplit("/", 1)[-1], sys.modules["__main__"].__name__)
sys.path.insert(0, root)
g = runpy.run_module("script")
print("run_module:", g["RESULT"], g["__spec__"].name, "script" in sys.modules)
g = runpy.run_module("script", run_name="__main__", alter_sys=True)
print("run_module alter_sys:", g["RESULT"])
try:
    runpy.run_module("no_such_module_xyz")
except ImportError as e:
    print(type(e).__name__ + ":", e)
try:
    runpy.run_path(os.path.join(root, "nomain"))
except ImportError as e:
    print(type(e).__name__ + ":", str(e).replace(root, "ROOT"))
tmp.cleanup()
