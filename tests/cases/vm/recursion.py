import sys
print(sys.getrecursionlimit())
def r(n):
    return r(n + 1)
try:
    r(0)
except RecursionError as e:
    print(e)
def count(n):
    return 0 if n == 0 else 1 + count(n - 1)
print(count(900))
r(0)
