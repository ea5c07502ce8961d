# 'e', 'f' and 'd' in native and standard modes: rounding, overflow, specials, bad arguments.
import struct


def p(fmt, *a):
    try:
        print(fmt, a, struct.pack(fmt, *a))
    except Exception as e:
        print(fmt, a, type(e).__name__, e)


values = [0.0, -0.0, 1, 1.5, 1 / 3, 65504.0, 65519.0, 65520.0, 6.1e-5, 5.96e-8, 2.98e-8, 2.9802322387695312e-08,
          1e-8, 3.4028235e38, 3.40282357e38, 1e300, -1e300, float("inf"), float("-inf"), float("nan"), "x", 10 ** 400]
for mode in "@<>":
    for c in "efd":
        for v in values:
            p(mode + c, v)
for bits in [0x0000, 0x0001, 0x03FF, 0x0400, 0x3C00, 0x3555, 0x7BFF, 0x7C00, 0xFC00, 0x8000, 0xC000]:
    print(hex(bits), struct.unpack("<e", bits.to_bytes(2, "little")), struct.unpack(">e", bits.to_bytes(2, "big")))
print(struct.unpack("<e", b"\x01\x7c")[0] != struct.unpack("<e", b"\x01\x7c")[0])
for x in [0.1, 1e-40, 123456.789, -2.5]:
    print(struct.unpack("<f", struct.pack("<f", x)), struct.unpack(">d", struct.pack(">d", x)))
# every half float round-trips
ok = all(struct.pack("<e", struct.unpack("<e", i.to_bytes(2, "little"))[0]) == i.to_bytes(2, "little")
         for i in range(0x10000) if (i & 0x7C00) != 0x7C00 or (i & 0x3FF) == 0)
print("roundtrip", ok)


class F:
    def __float__(self):
        return 2.5


p("d", F())
p("<f", F())
