try:
    undefined_thing
except NameError as e:
    print(repr(e), e.args, e.name)
try:
    (1).nope
except AttributeError as e:
    print(repr(e), e.args, e.name, e.obj)
class A:
    pass
a = A()
try:
    a.missing
except AttributeError as e:
    print(e.name, e.obj is a)
try:
    getattr(a, "dyn")
except AttributeError as e:
    print(e.name, e.obj is a)
e = NameError("custom", name="n")
print(e.name, e.args)
e2 = AttributeError("custom", name="n", obj=5)
print(e2.name, e2.obj, e2.args)
