# __class__ assignment between compatible classes and its errors; __dict__ assignment.
class A:
    def who(self): return "A"
class B:
    def who(self): return "B"
o = A()
o.__class__ = B
print(o.who(), type(o).__name__)
try:
    o.__class__ = int
except TypeError as e:
    print("TypeError:", e)
try:
    (1).__class__ = bool
except TypeError as e:
    print("TypeError:", e)
o.__dict__ = {"x": 1}
print(o.x)
try:
    o.__dict__ = 5
except TypeError as e:
    print("TypeError:", e)
