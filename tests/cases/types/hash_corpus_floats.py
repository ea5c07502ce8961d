import struct
state = 99
def rnd64():
    global state
    state = (state * 6364136223846793005 + 1442695040888963407) % 2 ** 64
    return state
count = 0
while count < 400:
    x = struct.unpack("<d", struct.pack("<Q", rnd64()))[0]
    if x != x:
        continue
    count += 1
    print(repr(x), hash(x), hash(-x))
for x in [0.0, -0.0, 0.5, 1.5, 1e-300, 5e-324, 1.7976931348623157e308, 2.0 ** 61, 2.0 ** 62, 2.0 ** -61, 0.1, 1 / 3, float("inf"), float("-inf")]:
    print(repr(x), hash(x), hash(complex(x, 1)), hash(complex(1, x)))
import fractions, decimal
print(hash(fractions.Fraction(1, 3)), hash(fractions.Fraction(5, 1)), hash(decimal.Decimal("0.5")), hash(decimal.Decimal(7)))
