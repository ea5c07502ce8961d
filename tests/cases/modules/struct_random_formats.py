# Random formats (orders, counts, alignment padding) packed and unpacked: the bytes, calcsize and
# the values back, against CPython. A fixed LCG drives it so the case does not depend on random.
import struct

state = 12345


def rnd(n):
    global state
    state = (state * 6364136223846793005 + 1442695040888963407) % 2 ** 64
    return (state >> 33) % n


limits = {"b": (-128, 127), "B": (0, 255), "h": (-2 ** 15, 2 ** 15 - 1), "H": (0, 2 ** 16 - 1),
          "i": (-2 ** 31, 2 ** 31 - 1), "I": (0, 2 ** 32 - 1), "q": (-2 ** 63, 2 ** 63 - 1), "Q": (0, 2 ** 64 - 1)}
for trial in range(300):
    order = "@=<>!"[rnd(5)]
    codes = "xcbB?hHiIlLqQnNPefdsp" if order == "@" else "xcbB?hHiIlLqQefdsp"
    fmt = order
    values = []
    for _ in range(1 + rnd(6)):
        c = codes[rnd(len(codes))]
        count = rnd(4) if rnd(3) == 0 else 1
        if c == "p" and count == 0:  # CPython unpacks '0p' with a SystemError (struct_api shows it)
            count = 2
        fmt += (str(count) if count != 1 else "") + c
        size = struct.calcsize(order + c)
        for _ in range(1 if c in "sp" else count):
            if c in "sp":
                values.append(bytes(rnd(256) for _ in range(rnd(6))))
            elif c == "x":
                pass
            elif c == "c":
                values.append(bytes([rnd(256)]))
            elif c == "?":
                values.append(rnd(3))
            elif c in "efd":
                values.append((rnd(2 ** 20) - 2 ** 19) / (1 + rnd(1000)))
            else:
                lo, hi = (-2 ** (8 * size - 1), 2 ** (8 * size - 1) - 1) if c in "bhilqn" else (0, 2 ** (8 * size) - 1)
                values.append([lo, hi, 0, lo + rnd(1000), hi - rnd(1000)][rnd(5)])
    try:
        packed = struct.pack(fmt, *values)
        print(fmt, struct.calcsize(fmt), packed.hex(), struct.unpack(fmt, packed))
    except struct.error as e:
        print(fmt, "error", e)
