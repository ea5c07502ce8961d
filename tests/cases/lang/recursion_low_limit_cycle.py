# A low recursion limit with a three-function cycle, then recovery.
import sys
sys.setrecursionlimit(60)
def a(n): return b(n)
def b(n): return c(n)
def c(n): return a(n + 1)
try:
    a(0)
except RecursionError as e:
    print("caught", e)
sys.setrecursionlimit(1000)
print([i for i in range(3)])
