# __new__ controls creation; __init__ runs only if __new__ returns an instance of the class.
class Single:
    _inst = None
    def __new__(cls, *a):
        print("new", a)
        if cls._inst is None:
            cls._inst = super().__new__(cls)
        return cls._inst
    def __init__(self, v):
        print("init", v)
        self.v = v
a = Single(1); b = Single(2)
print(a is b, a.v)
class Other:
    def __new__(cls):
        return 42
    def __init__(self):
        print("never")
print(Other())
class PosInt(int):
    def __new__(cls, v):
        return super().__new__(cls, abs(v))
print(PosInt(-5), type(PosInt(-5)).__name__)
try:
    object.__new__(int)
except TypeError as e:
    print("TypeError:", e)
class NoInitArgs:
    pass
try:
    NoInitArgs(1)
except TypeError as e:
    print("TypeError:", e)
class InitReturns:
    def __init__(self): return 5
try:
    InitReturns()
except TypeError as e:
    print("TypeError:", e)
