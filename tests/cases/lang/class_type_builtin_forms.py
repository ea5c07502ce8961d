# type() with one and three arguments, and its errors; union types with |.
print(type(1), type("s"), type(type), type(object))
T = type("T", (), {"x": 1, "__repr__": lambda self: "<T instance>"})
print(T, T(), T.x, T.__module__, T.__qualname__)
U = type("U", (T,), {})
print(U.__mro__)
for bad in [lambda: type("X", (1,), {}), lambda: type("X", (), []), lambda: type(1, 2)]:
    try:
        bad()
    except TypeError as e:
        print("TypeError:", e)
u = int | None
print(u, isinstance(5, int | str), isinstance(None, u), issubclass(bool, int | str))
print(int | str == str | int, type(u).__name__)
