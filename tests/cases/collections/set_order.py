# Set iteration order depends on CPython's probing, resizing and dummy entries.
s = set()
for i in range(100):
    s.add(i * 7919 % 1000)
print(s)
for i in range(0, 1000, 3):
    s.discard(i)
print(s)
print({'apple', 'banana', 'cherry', 'date', 'elderberry', 'fig', 'grape'})
print(frozenset(['x', 'y', 'z', 'w']))
print({1, 2, 3} | {100, 200}, {1, 2, 3} & {2, 3, 4}, {1, 2, 3} - {2}, {1, 2, 3} ^ {3, 4})
print(hash(frozenset()), hash(frozenset({1, 2, 3})), hash(frozenset({'a', 'b'})))
print(set('abracadabra'), sorted(set('abracadabra')))
# (None is left out: CPython 3.11 hashes it by its address in the interpreter binary.)
t = {(-1, 2), (3.5, 'x'), 42, True, 'str', b'bytes'}
print(t)
p = {i: i for i in range(20)}.keys() & {3, 5, 99}
print(p)
s = set(range(50))
while len(s) > 40:
    s.pop()
print(s)
