print(callable(len), callable(1), callable(int), callable(lambda: 0), callable("s".upper), callable(None))
class C:
    def __call__(self):
        return "called"
class D:
    pass
print(callable(C()), callable(D()), C()(), callable(C), callable(D))
a = [1]
b = a
c = [1]
print(a is b, a is c, a == c, id(a) == id(b), id(a) != id(c), None is None, type(id(a)).__name__)
x = 1000
print(x is x, int("5") == 5, () is (), "" is "" if False else "skip", hash(a is b))
