# Integer arithmetic including negative floor division, modulo and big ints.
for a, b in [(7, 2), (-7, 2), (7, -2), (-7, -2), (0, 3)]:
    print(a, b, a + b, a - b, a * b, a // b, a % b, divmod(a, b), a / b)
print(2 ** 100)
print(-2 ** 2, (-2) ** 2)
print(2 ** -1)
print(10 ** 20 // 3, 10 ** 20 % 7)
print(-(10 ** 30) // 7)
print(abs(-5), -(-5), +5, ~5, ~-1)
print(pow(3, 4, 5), pow(2, -1, 7))
print(123456789 * 987654321 * 1000000007)
