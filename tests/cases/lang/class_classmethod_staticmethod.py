# classmethod receives the class, staticmethod nothing; both via class and instance.
class C:
    n = "C"
    @classmethod
    def make(cls, v):
        return cls, v
    @staticmethod
    def util(a, b):
        return a + b
    def inst(self):
        return self.util(1, 2), self.make(3)
class D(C):
    n = "D"
print(C.make(1), D.make(2), D().make(3))
print(C.util(1, 2), C().util(3, 4))
print(D().inst())
print(type(C.__dict__["make"]).__name__, type(C.__dict__["util"]).__name__)
print(C.__dict__["util"].__func__(5, 6))
sm = staticmethod(len)
print(sm("abc"))
