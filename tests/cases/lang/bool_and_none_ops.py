# bool is an int subclass; None comparisons; arithmetic with booleans.
print(True + True, True * 10, True / 2, -True, True == 1, False == 0, True is 1 == 1)
print(isinstance(True, int), int(True), str(True), repr(False), bool("False"))
print(sum([True, True, False]), max(True, 2), sorted([True, False, 0, 1]))
print(None == None, None is None, None == 0, not None, bool(None))
print(type(None)(), [None] * 2)
print(True & 2, True | 2, ~True, True << 3)
print({True: "a", 1: "b"}, {False, 0})
print(hash(True), hash(False), True.__class__, bool.__mro__)
try:
    class B(bool): pass
except TypeError as e:
    print("TypeError:", e)
