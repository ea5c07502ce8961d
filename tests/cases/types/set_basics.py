s = {3, 1, 2}
s.add(4)
s.discard(10)
s.remove(1)
print(s, len(s), 2 in s, 1 in s)
print(s | {5}, s & {2, 3, 9}, s - {2}, s ^ {3, 7}, s <= {2, 3, 4, 5}, s < s, s >= {2}, s.isdisjoint({8}))
print(s.union([9], (8,)), s.intersection({2, 3}, {3}), s.difference({2}), s.symmetric_difference([4, 5]))
t = s.copy()
t.update([10, 11])
t.intersection_update(range(5, 20))
print(t, s)
t.difference_update({10})
t.symmetric_difference_update({11, 12})
print(t, set(), set("aab") == {"a", "b"}, {1, 2} == frozenset({1, 2}))
print(sorted({"b", "a"}), set([1, 1, 2]), {x % 3 for x in range(10)}, {1.0, 1, True})
print(set.__mro__, frozenset.__mro__, repr(set()), repr(frozenset()), frozenset([3, 1]))
f = frozenset({1, 2})
print(f | {3}, type(f | {3}), type({3} | f), hash(f) == hash(frozenset([2, 1])), {f: 1})
print(s.pop() in {2, 3, 4}, len(s))
try:
    set().pop()
except KeyError as e:
    print(repr(e))
try:
    {1}.remove(2)
except KeyError as e:
    print(repr(e))
try:
    {[1]}
except TypeError as e:
    print(e)
s2 = {1, 2, 3}
try:
    for x in s2:
        s2.add(x + 10)
except RuntimeError as e:
    print(e)
