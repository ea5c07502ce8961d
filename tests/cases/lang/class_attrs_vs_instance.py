# Class attributes are shared; instance assignment shadows; mutable class attributes are shared.
class C:
    shared = []
    count = 0
    def __init__(self):
        C.count += 1
        self.shared.append(C.count)
a = C(); b = C()
print(C.count, a.count, a.shared, b.shared is a.shared)
a.count = 100
print(a.count, b.count, C.count)
del a.count
print(a.count)
C.new_attr = "added later"
print(a.new_attr)
try:
    del a.count
except AttributeError as e:
    print("AttributeError:", e)
print("count" in C.__dict__, "count" in a.__dict__)
