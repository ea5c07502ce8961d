print(None, repr(None), type(None), type(None)(), bool(None), None is None, None == None, hash(None) == hash(None))
print(..., Ellipsis, type(...), type(...)() is ..., Ellipsis is ..., bool(...))
print(NotImplemented, type(NotImplemented), type(NotImplemented)() is NotImplemented)
print(type(None).__name__, type(...).__name__, type(NotImplemented).__name__)
print(str(None), f"{None}", "%s" % None, format(None, ""), [None, ...])
try:
    format(None, "x")
except TypeError as e:
    print(e)
try:
    None()
except TypeError as e:
    print(e)
try:
    None.x
except AttributeError as e:
    print(e)
print(sorted(dir(None)) == sorted(dir(type(None))), None.__class__, None.__bool__())
print((1).__add__(1.5), (1).__eq__("x"), "a".__lt__(1), (2.0).__radd__(1))
