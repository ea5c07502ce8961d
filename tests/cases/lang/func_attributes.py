# Function objects carry __name__, __qualname__, __doc__, __module__, __dict__.
def outer():
    def inner(x: int = 1) -> str:
        "inner docs"
        return str(x)
    return inner
f = outer()
print(f.__name__, f.__qualname__, f.__doc__, f.__module__)
print(f.__defaults__, f.__annotations__)
f.custom = 42
print(f.custom, f.__dict__)
f.__name__ = "renamed"
print(f.__name__)
def nodoc(): pass
print(nodoc.__doc__)
print(f.__code__.co_name, f.__code__.co_varnames, f.__code__.co_argcount)
try:
    f.__name__ = 5
except TypeError as e:
    print("TypeError:", e)
print(callable(f), callable(5))
