# sys.getrefcount of an object as references are added and removed.
import sys
class C: pass
c = C()
base = sys.getrefcount(c)
print(base)
l = [c, c, c]
print(sys.getrefcount(c) - base)
d = {"k": c}
print(sys.getrefcount(c) - base)
del l
print(sys.getrefcount(c) - base)
d.clear()
print(sys.getrefcount(c) - base)
def f(x):
    return sys.getrefcount(x) - base
print(f(c))
alias = c
print(sys.getrefcount(c) - base)
t = (c,)
print(sys.getrefcount(c) - base)
