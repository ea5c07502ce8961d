# Functions returning tuples, chained unpacking, swapping and rotation.
def divmod_all(n, *ds):
    return tuple(divmod(n, d) for d in ds)
(q1, r1), (q2, r2) = divmod_all(17, 5, 3)
print(q1, r1, q2, r2)
a, b, c = 1, 2, 3
a, b, c = c, a, b
print(a, b, c)
x = y = z = [0]
x.append(1)
print(y, z is x)
i = 0
lst = [10, 20, 30]
i, lst[i] = 1, 99
print(i, lst)
p, q = q, p = 1, 2
print(p, q)
def stats(seq):
    return min(seq), max(seq), sum(seq) / len(seq)
lo, hi, avg = stats([4, 8, 6])
print(f"{lo=} {hi=} {avg=}")
try:
    a, b = stats([1])
except ValueError as e:
    print("ValueError:", e)
