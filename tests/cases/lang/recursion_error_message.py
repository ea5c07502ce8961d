# RecursionError is catchable with the standard message; recovery afterwards.
import sys
def down(n):
    return down(n + 1)
try:
    down(0)
except RecursionError as e:
    print("RecursionError:", e)
def fact(n):
    return 1 if n <= 1 else n * fact(n - 1)
print(fact(50) % 1000003)
class Loop:
    def __repr__(self):
        return repr(self)
try:
    repr(Loop())
except RecursionError as e:
    print("repr:", e)
class G:
    def __getattr__(self, name):
        return self.missing
try:
    G().x
except RecursionError as e:
    print("getattr:", e)
print(sys.getrecursionlimit())
