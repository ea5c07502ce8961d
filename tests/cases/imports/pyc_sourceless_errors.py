# A sourceless .pyc that cannot be used is reported, never run: a wrong magic number, a header
# cut short, unknown flags, a body that is not a code object; and `python FILE.pyc`.
import importlib.util
import os
import py_compile
import sys
import tempfile
sys.path.insert(0, __file__.rsplit("/", 1)[0] + "/_trees")
import childrun

tmp = tempfile.TemporaryDirectory()
root = os.path.realpath(tmp.name)
sys.path.insert(0, root)
src = os.path.join(root, "good.py")
with open(src, "w") as f:
    f.write("print('good runs', __name__)\n")
good = open(py_compile.compile(src, cfile=os.path.join(root, "good.pyc"), doraise=True), "rb").read()
os.remove(src)
MAGIC = importlib.util.MAGIC_NUMBER
print(good[:4] == MAGIC, len(MAGIC), MAGIC[2:])

def attempt(name, data):
    with open(os.path.join(root, name + ".pyc"), "wb") as f:
        f.write(data)
    try:
        __import__(name)
    except Exception as e:
        print(name, "->", type(e).__name__ + ":", str(e).replace(root, "ROOT"))
        if isinstance(e, ImportError):
            print("   name =", e.name, "path =", e.path and e.path.replace(root, "ROOT"))
    else:
        print(name, "-> imported")
    print("  ", name in sys.modules)

attempt("good", good)
attempt("badmagic", b"\0\0\0\0" + good[4:])
attempt("short", good[:10])
attempt("empty", b"")
attempt("flags", good[:4] + b"\x04\0\0\0" + good[8:])
import marshal
import zlib
body = marshal.dumps(("a", "tuple"))
# krait's .pyc ends with a CRC-32 of the body (CPython's has none): added so that both see the body.
trailer = zlib.crc32(body).to_bytes(4, "little") if sys.implementation.name == "krait" else b""
attempt("notcode", good[:16] + body + trailer)

# Running .pyc files directly.
def run(title, path):
    rc, out, err = childrun.run([path], childrun.clean_env(), cwd=root)
    print("==", title, "exit", rc)
    print(out, end="")
    lines = err.replace(root, "ROOT").splitlines()
    if lines:
        print("  stderr last line:", lines[-1])

run("good.pyc", "good.pyc")
run("badmagic.pyc", "badmagic.pyc")
tmp.cleanup()
