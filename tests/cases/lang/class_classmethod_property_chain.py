# Descriptors wrapping descriptors: classmethod over property (3.11 allows chaining), staticmethod callable.
class C:
    _name = "C-name"
    @classmethod
    @property
    def name(cls):
        return cls._name + " via classmethod-property"
    @staticmethod
    def helper(x):
        return x + 1
    table = {"h": helper}
print(C.name)
print(C.table["h"](1))
class D(C):
    _name = "D-name"
print(D.name)
print(type(C.__dict__["helper"]).__name__, callable(C.__dict__["helper"]))
