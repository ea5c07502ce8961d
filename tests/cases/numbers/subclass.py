# Subclasses of int, float and complex keep their type only where CPython does.
class I(int):
    pass


class F(float):
    def __repr__(self):
        return 'F(' + float.__repr__(self) + ')'


class C(complex):
    pass


i = I(5)
print(type(i).__name__, i, repr(i), i + 1, type(i + 1).__name__, type(-i).__name__, type(+i).__name__)
print(type(abs(I(-3))).__name__, int(i), type(int(i)).__name__, i == 5, hash(i) == hash(5))
big = I(2**100)
print(big, type(big).__name__, big // 3, type(big * 1).__name__, big.bit_length())
print(I('ff', 16), I(3.9), I(), isinstance(i, int), issubclass(I, int))
f = F(1.5)
print(f, repr(f), type(f).__name__, f + 1, type(f + 1).__name__, type(-f).__name__)
print(F('2.5'), F(), float(f), type(float(f)).__name__, f == 1.5, f.is_integer(), hash(f) == hash(1.5))
c = C(1, 2)
print(c, type(c).__name__, c + 1, type(c + 1).__name__, c.real, c.imag, C('3+4j'))
print(int.__new__(I, 7), type(int.__new__(I, 7)).__name__)
print(I.from_bytes(b'\x01\x00', 'big'), type(I.from_bytes(b'\x01', 'big')).__name__)
print(F.fromhex('0x1p1'), type(F.fromhex('0x1p1')).__name__)


class Idx:
    def __index__(self):
        return 7


class Flt:
    def __float__(self):
        return 2.5


print(int(Idx()), float(Idx()), float(Flt()), complex(Flt()))
print(range(Idx()), [10, 20, 30, 40, 50, 60, 70, 80][Idx()], bin(Idx()), hex(255), oct(-8))
try:
    int(Flt())
except TypeError as e:
    print('TypeError', e)
