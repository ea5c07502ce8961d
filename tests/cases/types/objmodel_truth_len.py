class L:
    def __init__(self, n):
        self.n = n
    def __len__(self):
        return self.n
class B:
    def __bool__(self):
        print("bool called")
        return True
    def __len__(self):
        print("len called")
        return 0
print(bool(L(0)), bool(L(2)), not L(0), bool(B()))
if L(0):
    print("no")
else:
    print("empty is falsy")
print([x for x in [L(0), L(1), 0, "", "a", None, B()] if x].__len__())
print(L(3) and "and-result", L(0) or "or-result")
class BadLen:
    def __len__(self):
        return "x"
try:
    bool(BadLen())
except TypeError as e:
    print(e)
class FloatLen:
    def __len__(self):
        return 1.0
try:
    len(FloatLen())
except TypeError as e:
    print(e)
