# In-place, reflected and comparison fallbacks in CPython's dispatch order.
log = []
class A:
    def __eq__(self, o): log.append("A.eq"); return NotImplemented
    def __lt__(self, o): log.append("A.lt"); return NotImplemented
    def __add__(self, o): log.append("A.add"); return NotImplemented
    def __iadd__(self, o): log.append("A.iadd"); return NotImplemented
class B:
    def __eq__(self, o): log.append("B.eq"); return NotImplemented
    def __gt__(self, o): log.append("B.gt"); return NotImplemented
    def __radd__(self, o): log.append("B.radd"); return NotImplemented
a, b = A(), B()
print(a == b, log); log.clear()
print(a != b, log); log.clear()
try:
    a < b
except TypeError as e:
    print("TypeError:", e, log); log.clear()
try:
    a += b
except TypeError as e:
    print("TypeError:", e, log); log.clear()
class Same:
    def __eq__(self, o): return NotImplemented
x = Same()
print(x == x, x != x, x == Same())
