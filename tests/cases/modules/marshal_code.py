# marshal of code objects among runtime values: one back-reference table across them (an
# interned name written in a code object is referenced by a str after it), code objects shared
# by reference count, and loads giving code objects that run.
import marshal

source = "def f(a, b=2):\n    return (a + b, 'a b', 1000)\nx = f(1)\n"
code = compile(source, "snippet.py", "exec", dont_inherit=True)
print(marshal.dumps(compile(source, "snippet.py", "exec", dont_inherit=True)))
print(marshal.dumps(code))
print(marshal.dumps([code, code]))
print(marshal.dumps(["f", code, "f", "a", "x", ("b",)]))
print(marshal.dumps({"k": code, "x": "x"}, 3))
print(marshal.dumps([compile("y = 'a b'", "other.py", "exec", dont_inherit=True), "y", "other" + ".pyc"]))

loaded = marshal.loads(marshal.dumps([code, code, "f"]))
print(type(loaded[0]).__name__, loaded[0] is loaded[1], loaded[2])
namespace = {}
exec(loaded[0], namespace)
print(namespace["x"], namespace["f"](10, 20))
again = marshal.loads(marshal.dumps(code, 2))
exec(again, namespace)
print(namespace["x"])
try:
    marshal.loads(b"\xe3" + b"\x00" * 20 + b"r\x00\x00\x00\x00")
except ValueError as e:
    print("ValueError", e)
