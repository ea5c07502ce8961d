class A:
    x = 1
    def m(self):
        pass
a = A()
a.y = 2
print(sorted(dir(a)))
print(sorted(dir(A)))
def f():
    pass
print(sorted(dir(f)))
print(sorted(dir(a.m)))
import sys
print([n for n in sorted(dir(sys)) if not n.startswith("_")][:20])
def g():
    l1 = 1
    l2 = 2
    return dir()
print(g())
print(dir(1) == dir(int), sorted(set(dir(True)) - set(dir(1))))
