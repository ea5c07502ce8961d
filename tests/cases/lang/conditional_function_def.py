# def and class are executable statements; conditional and repeated definitions.
import sys
if sys.version_info >= (3, 0):
    def version(): return "py3"
else:
    def version(): return "py2"
print(version())
for i in range(3):
    def f(i=i): return i * 10
print(f())
funcs = []
for name in ["a", "b"]:
    class K:
        tag = name
    funcs.append(K)
print([k.tag for k in funcs], funcs[0] is funcs[1])
def maybe(flag):
    if flag:
        def inner(): return "defined"
    return inner()
print(maybe(True))
try:
    maybe(False)
except UnboundLocalError as e:
    print("UnboundLocalError:", e)
