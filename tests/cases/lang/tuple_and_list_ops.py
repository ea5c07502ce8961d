# Sequence operators: concatenation, repetition, comparison, membership, index/count.
t = (1, 2, 3)
l = [1, 2, 3]
print(t + (4,), l + [4], t * 2, 2 * l, t * 0, l * -1)
print((1, 2) < (1, 3), [1, 2] < [1, 2, 0], (2,) > (1, 99), [] < [0])
print(t.index(2), l.count(1), (1, 1, 1).count(1))
try:
    t.index(99)
except ValueError as e:
    print("ValueError:", e)
try:
    t + [4]
except TypeError as e:
    print("TypeError:", e)
try:
    l + (4,)
except TypeError as e:
    print("TypeError:", e)
try:
    t[5]
except IndexError as e:
    print("IndexError:", e)
try:
    t[0] = 5
except TypeError as e:
    print("TypeError:", e)
print(len(t), t[-1], l[::-1], list(t) == l, tuple(l) == t, t == l)
