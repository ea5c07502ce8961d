# Slice assignment and deletion resize lists; extended slices need equal lengths.
l = list(range(10))
l[2:5] = ["a"]
print(l)
l[:0] = [-1, -2]
print(l)
l[len(l):] = [99]
print(l)
l[::2] = [0] * len(l[::2])
print(l)
try:
    l[::2] = [1, 2]
except ValueError as e:
    print("ValueError:", e)
l[1:3] = "xy"
print(l)
del l[::3]
print(l)
l[:] = []
print(l)
b = bytearray(b"hello")
b[1:3] = b"EE"
print(b)
try:
    l[0:1] = 5
except TypeError as e:
    print("TypeError:", e)
