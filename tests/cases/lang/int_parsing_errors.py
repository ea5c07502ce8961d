# int() parsing: bases, underscores, whitespace, signs, and error messages.
for s, base in [("42", 10), ("-0x1F", 16), ("0o777", 0), ("1_000", 10), (" +7 ", 10), ("z", 36),
                ("0b_1010", 0), ("١٢٣", 10)]:
    print(repr(s), base, int(s, base))
for s, base in [("1__0", 10), ("_1", 10), ("0x", 16), ("12", 2), ("", 10), ("1.5", 10), ("010", 0), ("9", 8)]:
    try:
        int(s, base)
    except ValueError as e:
        print("ValueError:", e)
try:
    int(b"12", 10), int(bytearray(b"7"))
    print(int(b"12"), int(bytearray(b"7")))
except TypeError as e:
    print("TypeError:", e)
try:
    int(1.5, 10)
except TypeError as e:
    print("TypeError:", e)
