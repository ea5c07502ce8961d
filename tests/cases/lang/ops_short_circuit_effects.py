# Short-circuit evaluation with side effects and returned operands.
log = []
def v(x):
    log.append(x)
    return x
print(v(0) and v(1), log); log.clear()
print(v(2) and v(0) and v(3), log); log.clear()
print(v("") or v([]) or v("last"), log); log.clear()
print(v(1) or v(2), log); log.clear()
print(not v(0) and v("x") or v("y"), log); log.clear()
print(v(None) or v(0) and v(5), log); log.clear()
r = [v(i) for i in range(5) if v(i % 2) and v(i > 1)]
print(r, log); log.clear()
class Loud:
    def __init__(self, val): self.val = val
    def __bool__(self):
        print("bool", self.val)
        return bool(self.val)
print(type(Loud(0) or Loud(1)).__name__)
if Loud(1) and Loud(0):
    print("no")
else:
    print("else")
x = Loud(2) if Loud(0) else Loud(3)
print(x.val)
