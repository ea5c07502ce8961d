print(chr(65), chr(0x10FFFF) == "\U0010ffff", ord("a"), ord(b"a"), ord(bytearray(b"z")), ord("😀"))
print(bin(10), bin(-10), oct(64), hex(3735928559), hex(-1), bin(0), oct(-0))
class I:
    def __index__(self):
        return 42
print(bin(I()), hex(I()), oct(I()), chr(I()), list(range(50))[I()], ("x" * 44)[I():])
for call in [lambda: chr(-1), lambda: chr(0x110000), lambda: chr(1.5), lambda: ord("ab"), lambda: ord(""),
             lambda: ord(5), lambda: hex(1.5), lambda: bin("1"), lambda: ord(b"ab")]:
    try:
        print(call())
    except Exception as e:
        print(type(e).__name__, e)
