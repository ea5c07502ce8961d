# Containers compare items with an identity shortcut (x is y, then x == y): the same NaN is
# found, a NaN made separately is a different object and equal to nothing.
import collections, operator
n = float("nan")
m = float("nan")
print(n is n, n is m, float("nan") is float("nan"), n == n, n != n)
other = n * 1
print(other is n, -n is n, abs(n) is n, n + 0 is n)
lst = [n, 1.5]
print(n in lst, m in lst, float("nan") in lst, lst.count(n), lst.count(m), lst.index(n))
try:
    lst.index(m)
except ValueError as e:
    print("ValueError", e)
lst2 = [n, m, n]
lst2.remove(m)
print(len(lst2), lst2[0] is n, lst2[1] is n)
t = (n, 2.5)
print(n in t, m in t, t.count(n), t.count(m), t.index(n), t == (n, 2.5), t == (m, 2.5), t < (m, 3.0))
print([n] == [n], [n] == [m], [n] != [m], (n,) == (n,), (m,) != (n,))
d = {n: "first"}
d[m] = "second"
print(len(d), d[n], d[m], n in d, float("nan") in d, d.get(float("nan"), "absent"))
print(d == {n: "first", m: "second"}, {n: 1} == {m: 1}, {1: n} == {1: n}, {1: n} == {1: m})
s = {n, m, n}
print(len(s), n in s, m in s, float("nan") in s, s == {n, m}, {n} == {m}, {n} <= s)
s.discard(n)
print(len(s), m in s)
fs = frozenset([n])
print(n in fs, m in fs, fs == frozenset([n]), fs == frozenset([m]))
dq = collections.deque([n, 1.0])
print(n in dq, m in dq, dq.count(n), dq.count(m), dq.index(n))
dq.remove(n)
print(len(dq))
print(operator.countOf([n, m, n], n), operator.countOf([n], m), operator.indexOf([m, n], n))
print(operator.contains([n], n), operator.contains([n], m), operator.eq(n, n), operator.is_(n, n))
print(list({n: 1}.keys()) == [n], {n: 1}.keys() == {n}, {n: 1}.items() == {(n, 1)})
print(max(n, 1.0) is n, min([n]) is n, sorted([n])[0] is n, [n][:][0] is n, (n,) * 2 == (n, n))
print(float(n) is n, n.real is n, n.conjugate() is n, +n is n, n.__float__() is n)
print(str(n), repr(-n), hash(n) == hash(n), n.hex(), n.is_integer(), round(n, 2) != round(n, 2))
import struct, math
print(struct.pack("<d", n).hex(), struct.pack("<d", -m).hex(), struct.pack("<f", n).hex())
print(math.isnan(n), math.copysign(1.0, -n), math.nan is math.nan, math.nan is not float("nan"))
x = struct.unpack("<d", bytes.fromhex("000000000000f87f"))[0]
print(x != x, x is x, x is struct.unpack("<d", bytes.fromhex("000000000000f87f"))[0])
