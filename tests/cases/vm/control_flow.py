def classify(n):
    if n < 0:
        return "neg"
    elif n == 0:
        return "zero"
    return "pos"
print([classify(n) for n in (-1, 0, 1)])
i = 0
while True:
    i += 1
    if i > 5:
        break
else:
    print("no")
print(i)
for x in range(3):
    pass
else:
    print("for-else", x)
a, *b, c = range(6)
print(a, b, c)
(p, q), r = (1, 2), 3
print(p, q, r)
print(1 if [] else 2, [] or "default", 0 and 1, not None)
print(f"{1 + 1:>4}|{'x'!r}|{3.5:.1f}|{'abc':^7}|")
s = {n % 3 for n in range(10)}
d = {n: n * n for n in range(3)}
print(s, d, [*range(3), *"ab"], {**d, 'z': 0})
def match_it(v):
    match v:
        case 0:
            return "zero"
        case [x, y]:
            return f"pair {x} {y}"
        case {"k": val}:
            return f"map {val}"
        case str() as s:
            return "str " + s
        case _:
            return "other"
print([match_it(v) for v in (0, [1, 2], {"k": 3}, "s", 4.5)])
x = 5
x += 2; x *= 3; x //= 2; x **= 2; x %= 7
print(x, 2 ** -1, 7 // -2, -7 % 3, 1 < 2 < 3, 3 > 2 > 4)
del x
try:
    x
except NameError as e:
    print(e)
