class OnlyEq:
    def __eq__(self, o):
        return True
print(OnlyEq.__hash__)
class Both:
    def __init__(self, k):
        self.k = k
    def __eq__(self, o):
        return isinstance(o, Both) and self.k == o.k
    def __hash__(self):
        return hash(self.k)
s = {Both(1), Both(1), Both(2)}
print(len(s), Both(1) in s, {Both(3): "x"}[Both(3)])
class Inherit(Both):
    pass
print(hash(Inherit(5)) == hash(5))
class Override(Both):
    def __eq__(self, o):
        return False
print(Override.__hash__)
class Restore(Both):
    def __eq__(self, o):
        return False
    __hash__ = Both.__hash__
print(hash(Restore(7)))
class Counter:
    calls = 0
    def __hash__(self):
        Counter.calls += 1
        return 1
    def __eq__(self, o):
        return self is o
d = {}
c = Counter()
d[c] = 1
d[c]
c in d
print(Counter.calls)
