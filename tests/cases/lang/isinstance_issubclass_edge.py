# isinstance/issubclass with tuples, nested tuples, abstract-ish classes, and errors.
print(isinstance(1, (str, (float, int))), isinstance([], ()), issubclass(bool, (str, (int,))))
print(isinstance(int, type), isinstance(type, type), isinstance(object, object), issubclass(type, object))
try:
    issubclass(1, int)
except TypeError as e:
    print("TypeError:", e)
try:
    issubclass(int, 1)
except TypeError as e:
    print("TypeError:", e)
class Fake:
    __class__ = int
print(isinstance(Fake(), int), type(Fake()).__name__)
