# Function attributes: __name__, __qualname__, __doc__, __dict__, __module__, __globals__.
def outer():
    "Outer doc."
    def inner(a, b=1, *c, d, **e):
        "Inner doc."
        return a
    return inner
f = outer()
print(f.__name__, f.__qualname__, f.__doc__, outer.__doc__, f.__module__)
print(f.__globals__ is globals(), f.__defaults__, f.__kwdefaults__, f.__closure__)
f.custom = "attr"
print(f.__dict__)
f.__name__ = "renamed"
f.__qualname__ = "Q.renamed"
print(f.__name__, f.__qualname__, repr(f).split(" at ")[0])
def nodoc(): pass
print(nodoc.__doc__)
def later_doc():
    x = 1
    "not a docstring"
print(later_doc.__doc__)
try:
    f.__name__ = 5
except TypeError as e:
    print("TypeError:", e)
try:
    f.__code__ = 5
except TypeError as e:
    print("TypeError:", e)
