import sys
x = object()
print(sys.getrefcount(x))
l = [x, x]
print(sys.getrefcount(x))
del l
print(sys.getrefcount(x))
def f(a):
    return sys.getrefcount(a)
print(f(x) > sys.getrefcount(x))
print(sys.getrefcount(None) > 100)
