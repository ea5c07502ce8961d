# Method arguments converted as Py_ssize_t say "Python int too large to convert to C ssize_t";
# subscripts and repeat counts say "cannot fit 'int' into an index-sized integer"; a left shift
# too large to allocate is a MemoryError, one beyond any int's size "too many digits".
B = 2 ** 100
cases = [
    lambda: [1].pop(B), lambda: [].insert(B, 1), lambda: "a b".split(maxsplit=B),
    lambda: "a".replace("a", "b", B), lambda: "ab".center(B), lambda: "ab".ljust(B, "*"),
    lambda: "ab".rjust(B), lambda: "ab".zfill(B), lambda: b"ab".center(B), lambda: b"ab".zfill(B),
    lambda: b"a b".split(maxsplit=B), lambda: b"x".replace(b"x", b"y", B),
    lambda: bytearray(b"ab").pop(B), lambda: bytearray(b"a").insert(B, 1),
    lambda: "ab"[B], lambda: (1,)[B], lambda: [1][B], lambda: [1] * B, lambda: "ab".center(3.0),
    lambda: 1 << 2 ** 40 + 1, lambda: 1 << 2 ** 64, lambda: 1 << B, lambda: 0 << B,
]
for case in cases:
    try:
        print(repr(case()))
    except Exception as e:
        print(type(e).__name__ + ":", e)
