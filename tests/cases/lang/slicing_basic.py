# Slicing lists, tuples, strings and ranges with every combination of bounds and steps.
s = "abcdefgh"
l = list(range(8))
for sl in [slice(None), slice(2, 5), slice(-3, None), slice(None, -3), slice(None, None, 2),
           slice(None, None, -1), slice(6, 1, -2), slice(1, 100), slice(-100, 2), slice(5, 2),
           slice(None, None, -3), slice(-1, -6, -2)]:
    print(sl, s[sl], l[sl], tuple(l)[sl], list(range(8)[sl]))
print(s[::-1], l[::-1][:2])
try:
    l[::0]
except ValueError as e:
    print("ValueError:", e)
print(slice(1, 10, 2).indices(5))
