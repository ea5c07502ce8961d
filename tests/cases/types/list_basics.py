a = [3, 1, 2]
a.append(4)
a.extend((5, 6))
a.insert(0, 0)
a.insert(100, 99)
a.insert(-1, 98)
print(a, len(a), a.index(2), a.count(1), a.pop(), a.pop(0), a)
a.remove(98)
a.reverse()
print(a, sorted(a), a[::2], a[::-1], a[1:3], a[-2:], a[10:], a[:-10])
a.sort()
print(a, a + [7], a * 2, [0] * 3, 3 in a, 9 not in a, a == [1, 2, 3, 4, 5, 6])
b = a.copy()
b[1:3] = ["x", "y", "z"]
print(b, a)
del b[::2]
print(b)
b[:] = range(4)
b[::2] = "ab"
print(b, [1] < [1, 0], [1, 2] < [1, 2, 3], [1, [2]] == [1, [2]])
c = [5, 3, 8]
c += (1,)
c *= 2
print(c, c.clear(), c)
x = [1]
x.append(x)
print(x, repr([[]]), str([None, "s", 1.5]))
print(list(), list("ab"), list({1: 2}), list(range(3)), [i * i for i in range(5) if i % 2])
print(list.__mro__, [].__class__.__name__, hash(()) == hash(tuple()))
