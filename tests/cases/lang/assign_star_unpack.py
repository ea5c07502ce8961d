# Starred targets collect the remaining items into a list.
a, *b = range(5)
print(a, b)
*a, b = "hello"
print(a, b)
a, *b, c = [1, 2]
print(a, b, c)
a, *b, c = (1, 2, 3, 4, 5, 6)
print(a, b, c)
[*a] = {1: 'x', 2: 'y'}
print(a)
(a, *b), c = "ab", 3
print(a, b, c)
for first, *rest in ["abc", "de", "f"]:
    print(first, rest)
*a, = iter([7, 8])
print(a)
