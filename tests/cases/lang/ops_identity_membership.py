# is / is not / in / not in, including __contains__, __iter__ and __getitem__ fallbacks.
a = [1, 2]
b = a
c = [1, 2]
print(a is b, a is c, a == c, a is not c, None is None)
print(2 in a, 3 not in a, "bc" in "abcd", "x" in "abc", "" in "abc")
print(1 in {1: 'a'}, 'a' in {1: 'a'}, 2 in {1, 2}, (1, 2) in [(1, 2)])
class Cont:
    def __contains__(self, x):
        print("contains", x); return x == 3
class It:
    def __iter__(self):
        return iter([4, 5])
class Gi:
    def __getitem__(self, i):
        if i > 2: raise IndexError
        return i * 10
print(3 in Cont(), 4 in Cont())
print(5 in It(), 6 in It())
print(20 in Gi(), 30 in Gi())
nan = float('nan')
print(nan in [nan], nan == nan)
try:
    1 in 5
except TypeError as e:
    print("TypeError:", e)
