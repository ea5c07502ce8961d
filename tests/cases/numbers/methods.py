# Methods and attributes of int, bool, float and complex.
def show(label, f):
    try:
        r = f()
    except Exception as e:
        print(label, '->', type(e).__name__ + ':', e)
    else:
        print(label, '->', repr(r))


for n in [0, 1, -1, 5, -5, 255, 256, -128, -129, 2**47, -2**47, 2**100, -2**100 - 1, True]:
    show('bit_length %r' % n, lambda: n.bit_length())
    show('bit_count %r' % n, lambda: n.bit_count())
    show('ratio %r' % n, lambda: n.as_integer_ratio())
    show('attrs %r' % n, lambda: (n.real, n.imag, n.numerator, n.denominator, n.conjugate()))
    show('trunc %r' % n, lambda: (n.__trunc__(), n.__floor__(), n.__ceil__(), n.__index__()))
    for nd in [None, 0, 2, -1, -2, -3, -30]:
        show('round %r %r' % (n, nd), lambda: round(n, nd))
    for length in [0, 1, 2, 8, 20]:
        for order in ['big', 'little']:
            for signed in [False, True]:
                show('to_bytes %r %d %s %s' % (n, length, order, signed),
                     lambda: n.to_bytes(length, order, signed=signed))
for data in [b'', b'\x00', b'\xff', b'\x01\x00', b'\x80\x00\x00', bytes(range(20))]:
    for order in ['big', 'little']:
        for signed in [False, True]:
            show('from_bytes %r %s %s' % (data, order, signed),
                 lambda: int.from_bytes(data, order, signed=signed))
show('from_bytes list', lambda: int.from_bytes([1, 2, 3], 'little'))
show('from_bytes default', lambda: int.from_bytes(b'\x01\x02'))
show('to_bytes default', lambda: (3).to_bytes())
show('to_bytes kw', lambda: (3).to_bytes(length=2, byteorder='little'))
show('to_bytes too many', lambda: (3).to_bytes(1, 'big', True))
show('to_bytes bad order', lambda: (3).to_bytes(1, 'middle'))
show('to_bytes neg length', lambda: (3).to_bytes(-1))

for x in [0.0, -0.0, 0.5, 1.5, 2.5, -2.5, 1e16, 1e300, 5e-324, 0.1, 1/3, 123.456, -7.25,
          float('inf'), float('-inf'), float('nan')]:
    show('is_integer %r' % x, lambda: x.is_integer())
    show('ratio %r' % x, lambda: x.as_integer_ratio())
    show('hex %r' % x, lambda: x.hex())
    show('fromhex(hex) %r' % x, lambda: float.fromhex(x.hex()))
    show('attrs %r' % x, lambda: (x.real, x.imag, x.conjugate()))
    show('trunc %r' % x, lambda: (x.__trunc__(), x.__floor__(), x.__ceil__()))
    show('int %r' % x, lambda: int(x))
    for nd in [None, 0, 1, 2, 5, -1, -2, 400, -400]:
        show('round %r %r' % (x, nd), lambda: round(x, nd))
for s in ['0x1p0', '0x1.8p1', '-0x1p-1074', '0x1p-1075', '0x1.0000000000000ap0', '0X.8p0',
          '0x1p1023', '0x1.fffffffffffff8p1023', '0x1p1024', ' inf ', '-Infinity', 'nan',
          '1p0', '0x', '0xg', '0x1p', '0x1.p1', '0x.p1', '   0x10   ']:
    show('fromhex %r' % s, lambda: float.fromhex(s))
for x in [1.005, 2.675, 0.125, 0.375, 1234.5678, -0.5, 0.5, 1.5, 2.5]:
    show('round2 %r' % x, lambda: (round(x), round(x, 1), round(x, 2), round(x, -1)))
show('getformat', lambda: float.__getformat__('double'))

for c in [1 + 2j, -1.5j, complex(0, 0), complex(-0.0, 0.0), complex(1e300, 1e300), 3 + 0j]:
    show('attrs %r' % c, lambda: (c.real, c.imag, c.conjugate(), abs(c), bool(c), hash(c)))
show('bool ops', lambda: (True & True, True | False, True ^ True, False ^ False, True & 3,
                          ~True, -True, +True, True + True, True * 2.5, True / 2, True ** 10))
show('bool types', lambda: (type(True & False), type(True & 1), type(True + 0)))
show('bool repr', lambda: (repr(True), str(False), format(True), format(True, 'd'),
                           format(False, '^7'), int(True), float(False)))
show('bool()', lambda: (bool(), bool(0), bool(1), bool(''), bool('a'), bool([]), bool(0.0),
                        bool(0j), bool(None)))
show('bool kw', lambda: bool(x=1))
show('bool 2', lambda: bool(1, 2))
