# sys.setrecursionlimit and RecursionError at the new limit.
import sys
print(sys.getrecursionlimit())
def depth(n):
    try:
        return depth(n + 1)
    except RecursionError:
        return n
d1 = depth(0)
sys.setrecursionlimit(200)
d2 = depth(0)
print(d1 > 900, d2 < 200, d1 - d2 > 700)
try:
    sys.setrecursionlimit(0)
except ValueError as e:
    print("ValueError:", e)
def rec(): rec()
try:
    rec()
except RecursionError as e:
    print("RecursionError:", e)
