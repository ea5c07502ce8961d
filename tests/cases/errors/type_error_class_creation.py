def attempt(fn):
    try:
        r = fn()
        print("ok", r)
    except Exception as e:
        print(type(e).__name__ + ":", e)
class A:
    def __init__(self):
        return 5
attempt(lambda: A())
class B:
    pass
attempt(lambda: B(1))
attempt(lambda: object.__init__(B(), 1))
class C:
    def __new__(cls, x):
        return super().__new__(cls, x)
attempt(lambda: C(1))
class D:
    def __init__(self, x):
        super().__init__(x)
attempt(lambda: D(1))
import abc
class Abstract(abc.ABC):
    @abc.abstractmethod
    def run(self):
        pass
    @abc.abstractmethod
    def stop(self):
        pass
attempt(lambda: Abstract())
class Half(Abstract):
    def run(self):
        pass
attempt(lambda: Half())
attempt(lambda: type(None)(1))
attempt(lambda: type(iter([]))())
attempt(lambda: type(len)())
attempt(lambda: bool.__new__(bool, 1) if False else type("X", (type(None),), {}))
attempt(lambda: type("X", (), {"__slots__": ["a", "a"]}))
attempt(lambda: type("X", (), {"__slots__": [1]}))
attempt(lambda: type("X", (), {"__qualname__": 5}))
attempt(lambda: int.__new__(str))
attempt(lambda: object.__new__(int))
attempt(lambda: list.__init__(5))
attempt(lambda: str.upper(5))
attempt(lambda: dict.get([], 1))
attempt(lambda: int.__add__("a", 1))
attempt(lambda: object.__getattribute__(1, 2))
