# Numeric literal forms.
print(1_000_000, 0x_ff, 0o17, 0b1010_1010, 0XAB, 0B11, 0O7)
print(1.5e3, 1_0.0_1, .5, 5., 1e-3, 1E+2, 0e0)
print(3j, 1.5j, 1 + 2j, 1e3j, (1+2j).real, (1+2j).imag, abs(3+4j))
print(123456789012345678901234567890, -0x7fffffffffffffffffff)
print(0, 00, 0_0, type(0x10).__name__, type(1e0).__name__, type(1j).__name__)
print(1e400, -1e400, 1e-400)
print(int("0x1f", 16), int("0b101", 0), int("  42  "), int("1_000"), float(" 1.5e2 "), float("-inf"))
