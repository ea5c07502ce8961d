# Every integer code in every byte order against values at and past its limits: CPython's
# messages differ by code and by order ('<' uses the native packers where sizes agree).
import struct


def p(fmt, *a):
    try:
        print(fmt, a, struct.pack(fmt, *a))
    except Exception as e:
        print(fmt, a, type(e).__name__, e)


for mode in "@=<>!":
    for c in "bBhHiIlLqQnNP":
        if mode != "@" and c in "nNP":
            p(mode + c, 1)
            continue
        sz = struct.calcsize(mode + c)
        for v in [0, -1, 2 ** (8 * sz - 1) - 1, 2 ** (8 * sz - 1), -2 ** (8 * sz - 1), -2 ** (8 * sz - 1) - 1,
                  2 ** (8 * sz) - 1, 2 ** (8 * sz), 2 ** 70, -2 ** 70, 1.5, "1", True]:
            p(mode + c, v)
        packed = struct.pack(mode + c, 5)
        print(struct.unpack(mode + c, packed), struct.unpack(mode + c, b"\xff" * sz))


class Index:
    def __index__(self):
        return 7


class BadIndex:
    def __index__(self):
        return "x"


p("i", Index())
p("f", Index())
p("i", BadIndex())
p("c", 300)
