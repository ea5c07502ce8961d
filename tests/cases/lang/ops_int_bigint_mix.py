# Big integer arithmetic in expressions: mixing sizes, signs, bit ops.
a = 2 ** 100
b = -(3 ** 70)
print(a + b, a * b, a // b, a % b, divmod(b, 12345))
print(a >> 90, a << 3, b >> 100, b & 0xFFFF, a | 1, a ^ (a - 1), ~b)
print((a - 1).bit_length(), b.bit_length(), abs(b) == -b, a.bit_count())
print(int("9" * 40) + 1, str(10 ** 30 - 1), hex(a), oct(-a), bin(2 ** 70 + 1)[:12])
print(a == 2.0 ** 100, a < float("inf"), a / 2 ** 99, float(a), b < -1e33)
print(pow(a, 3, 10 ** 9 + 7), pow(b, 2) == b * b, (-7) ** 21)
print(sum(range(10 ** 6)), 10 ** 18 * 10 ** 18, (10 ** 40) // (10 ** 20 + 1))
try:
    float(10 ** 400)
except OverflowError as e:
    print("OverflowError:", e)
try:
    10 ** 400 / 3
except OverflowError as e:
    print("OverflowError:", e)
