it = iter([1, 2, 3])
print(next(it), next(it), next(it), next(it, "done"), next(it, None))
try:
    next(it)
except StopIteration as e:
    print("stop", e.args, e.value)
class Count:
    def __init__(self):
        self.n = 0
    def __call__(self):
        self.n += 1
        return self.n
print(list(iter(Count(), 4)))
class G:
    def __getitem__(self, i):
        if i > 3:
            raise IndexError
        return i * 10
print(list(G()), list(iter(G())), 20 in G(), type(iter(G())).__name__)
s = iter("ab")
print(iter(s) is s, list(s), list(s))
for call in [lambda: iter(5), lambda: next([1]), lambda: iter(5, 6), lambda: next(iter([]))]:
    try:
        print(call())
    except Exception as e:
        print(type(e).__name__, e)
class NoNext:
    def __iter__(self):
        return 5
try:
    iter(NoNext())
except TypeError as e:
    print(e)
it = iter(range(5))
print(it.__length_hint__(), next(it), it.__length_hint__())
import operator
print(operator.length_hint([1, 2]), operator.length_hint(iter(range(7))), operator.length_hint(x for x in []), operator.length_hint(object(), 9))
