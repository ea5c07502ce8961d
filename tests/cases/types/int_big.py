a = 3 ** 200
print(a)
print(a % 97, a // 7 ** 50, -a // 7 ** 50, a.bit_length())
print(str(2 ** 64), 2 ** 64 - 1, -2 ** 63, (2 ** 63) * (2 ** 63))
print(hex(2 ** 100), oct(-(2 ** 70)), bin(2 ** 65 + 1))
print((2 ** 100).to_bytes(13, "big"))
print(int.from_bytes(b"\xff" * 20, "big", signed=True))
print(10 ** 30 / 10 ** 10, (10 ** 30) // (10 ** 10), (10 ** 400) // (10 ** 399))
print(-(10 ** 25) % 7, divmod(-(10 ** 25), 10 ** 12))
print(2 ** 200 & (2 ** 100 - 1), (2 ** 200) | 1, ~(2 ** 100), -(2 ** 100) >> 50)
print(pow(2, 10 ** 6, 10 ** 9 + 7), pow(12345678901234567890, -1, 10 ** 20 + 39))
print(float(2 ** 1023), int(1e300) == 10 ** 300, int(1e22) == 10 ** 22)
print(hash(2 ** 61 - 1), hash(2 ** 61), hash(-(2 ** 61)), hash(2 ** 100))
import sys
print(sys.int_info.bits_per_digit > 0, sys.get_int_max_str_digits())
try:
    str(10 ** 5000)
except ValueError as e:
    print(e)
sys.set_int_max_str_digits(6000)
print(len(str(10 ** 5000)))
