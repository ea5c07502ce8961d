# Class decorators and decorators implemented as classes.
def add_greet(cls):
    cls.greet = lambda self: f"hi from {type(self).__name__}"
    return cls
@add_greet
class P:
    pass
print(P().greet())
class CountCalls:
    def __init__(self, fn):
        self.fn = fn
        self.calls = 0
    def __call__(self, *args):
        self.calls += 1
        return self.fn(*args)
@CountCalls
def sq(x): return x * x
print(sq(3), sq(4), sq.calls)
@lambda c: c.__name__.upper()
class lowered: pass
print(lowered)
items = {"d": lambda f: f"decorated {f.__name__}"}
@items["d"]
def named(): pass
print(named)
