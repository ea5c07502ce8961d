# del of loop variables, comprehension isolation, and class attributes.
for i in range(3):
    pass
del i
try:
    i
except NameError as e:
    print("NameError:", e)
data = {"a": 1, "b": 2, "c": 3}
for k in [k for k in data if data[k] % 2]:
    del data[k]
print(data)
try:
    for k in data:
        del data[k]
except RuntimeError as e:
    print("RuntimeError:", e)
class C:
    temp = 1
    del temp
    keep = 2
print(hasattr(C, "temp"), C.keep)
def f():
    x = 1
    def g():
        return x
    del x
    return g
try:
    f()()
except NameError as e:
    print("NameError:", e)
lst = [1, 2, 3, 4]
del lst[-1], lst[0]
print(lst)
