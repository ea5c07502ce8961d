# Chained assignment binds every target to the same object, left to right.
a = b = c = [1, 2]
a.append(3)
print(a, b, c, a is b, b is c)
x = y = 5
y += 1
print(x, y)
class Rec:
    def __setattr__(self, name, value):
        print("set", name, value)
        object.__setattr__(self, name, value)
r = Rec()
r.p = r.q = 7
d = {}
d["k1"] = d["k2"] = "v"
print(d)
