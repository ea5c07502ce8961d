z = complex(3, 4)
print(z, repr(z), abs(z), z.real, z.imag, z.conjugate(), -z, +z)
print(1j * 1j, (1 + 2j) * (3 - 4j), (1 + 2j) / (3 - 4j), (1 + 2j) ** 2, 2 ** 1j)
print(complex("1+2j"), complex(" (3-4j) "), complex("j"), complex("-1.5e3J"), complex(2), complex(1.5, -0.0))
print(complex(-0.0, -0.0), complex(float("inf"), float("nan")), 0j, -0j, 1e300j * 1e10)
print(z == 3 + 4j, z == complex(3, 4.0), (1 + 0j) == 1, hash(1 + 0j) == hash(1), hash(z), hash(1j))
print(format(z, ""), format(z, ".2f"), format(z, "^20"), format(z, "+g"), format(1.5j, "e"))
print(complex.__mro__, isinstance(z, complex), type(1j).__name__)
for bad in ["1+", "1 + 2j", "(1+2j", "jj", ""]:
    try:
        complex(bad)
    except ValueError as e:
        print(repr(bad), e)
try:
    z < z
except TypeError as e:
    print(e)
try:
    z // 2
except TypeError as e:
    print(e)
try:
    1j / 0
except ZeroDivisionError as e:
    print(e)
