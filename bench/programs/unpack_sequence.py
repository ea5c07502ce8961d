# Tuple and list packing/unpacking in tight loops.


def unpack_tuples(n):
    t = (1, 2, 3, 4, 5, 6, 7, 8, 9, 10)
    total = 0
    for _ in range(n):
        a, b, c, d, e, f, g, h, i, j = t
        a, b, c, d, e, f, g, h, i, j = t
        a, b, c, d, e, f, g, h, i, j = t
        a, b, c, d, e, f, g, h, i, j = t
        total += a + j
    return total


def unpack_lists(n):
    lst = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]
    total = 0
    for _ in range(n):
        a, b, c, d, e, f, g, h, i, j = lst
        a, b, c, d, e, f, g, h, i, j = lst
        first, *middle, last = lst
        total += b + last + len(middle)
    return total


def swaps(n):
    x, y, z = 1, 2, 3
    for _ in range(n):
        x, y = y, x
        x, y, z = z, x, y
    return x, y, z


print(unpack_tuples(1000000))
print(unpack_lists(1000000))
print(swaps(2000000))
