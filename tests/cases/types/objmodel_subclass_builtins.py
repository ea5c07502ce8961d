class MyInt(int):
    def double(self):
        return self * 2
class MyStr(str):
    def shout(self):
        return self.upper() + "!"
class MyList(list):
    def append(self, x):
        super().append(x * 10)
class MyDict(dict):
    def __setitem__(self, k, v):
        super().__setitem__(k, str(v))
print(MyInt(4).double(), type(MyInt(4) + 1).__name__, MyInt("12", 3) if False else MyInt("12"), isinstance(MyInt(1), int))
print(MyStr("hi").shout(), type(MyStr("a").upper()).__name__, MyStr("x") == "x", hash(MyStr("x")) == hash("x"))
ml = MyList()
ml.append(1)
ml.extend([2])
print(ml, type(ml[:1]).__name__, type(ml + ml).__name__)
md = MyDict()
md["a"] = 1
md.update(b=2)
print(md, MyDict(c=3))
class MyFloat(float):
    pass
class MyTuple(tuple):
    def __new__(cls, *items):
        return super().__new__(cls, items)
print(MyFloat(1.5) + 1, repr(MyFloat(2.5)), MyTuple(1, 2, 3), len(MyTuple()), type(MyTuple(1) * 2).__name__)
class MySet(set):
    pass
print(MySet([1, 2]), type(MySet([1]) | {2}).__name__, MySet() == set())
class MyBytes(bytes):
    pass
print(MyBytes(b"ab"), MyBytes(b"x") + b"y")
class MyException(ValueError):
    def __init__(self, a, b):
        super().__init__(f"{a}-{b}")
        self.a = a
print(MyException(1, 2), MyException(1, 2).args, repr(MyException(1, 2)))
class MyBoolLike(int):
    def __bool__(self):
        return False
print(bool(MyBoolLike(5)), MyBoolLike(5) + 0)
