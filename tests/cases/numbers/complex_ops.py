# Differential checks of the numeric types (recorded from CPython 3.11).
def show(label, f):
    try:
        r = f()
    except Exception as e:
        print(label, '->', type(e).__name__ + ':', e)
    else:
        print(label, '->', repr(r))

show('complex(1,2), complex(0,-0.0), complex(-0.0, 0), 1j*1j, abs(3+4j), (1+2j)**2, (1+2j)/0', lambda: (complex(1,2), complex(0,-0.0), complex(-0.0, 0), 1j*1j, abs(3+4j), (1+2j)**2, (1+2j)/0))
show('hash(1+2j), hash(complex(1.5,0))', lambda: (hash(1+2j), hash(complex(1.5,0))))
show("complex('1+2j'), complex(' 3j '), complex('1e5'), complex('(1-j)')", lambda: (complex('1+2j'), complex(' 3j '), complex('1e5'), complex('(1-j)')))
show("complex('x')", lambda: (complex('x')))
show('(1).real, (1).imag, (1).numerator, (1).denominator, True.real, (1.5).real, (1.5).imag, (1+2j).real', lambda: ((1).real, (1).imag, (1).numerator, (1).denominator, True.real, (1.5).real, (1.5).imag, (1+2j).real))
show('(5).conjugate(), (2.5).conjugate(), (1+2j).conjugate()', lambda: ((5).conjugate(), (2.5).conjugate(), (1+2j).conjugate()))
show('complex(1, 2) == (1+2j), complex(1.5) < 2', lambda: (complex(1, 2) == (1+2j), complex(1.5) < 2))
show("complex('1+2j', 1)", lambda: (complex('1+2j', 1)))
show('complex([])', lambda: (complex([])))
show("complex(1, 'a')", lambda: (complex(1, 'a')))
show('(1+2j) // 2', lambda: ((1+2j) // 2))
show('(1+2j) % 2', lambda: ((1+2j) % 2))
show('abs(complex(1e308, 1e308))', lambda: (abs(complex(1e308, 1e308))))
show('complex(1e308, 1) * 10', lambda: (complex(1e308, 1) * 10))
show("repr(complex(float('nan'), float('inf'))), repr(complex(-0.0, -0.0)), repr(1e20j), repr(complex(1, 1e-20))", lambda: (repr(complex(float('nan'), float('inf'))), repr(complex(-0.0, -0.0)), repr(1e20j), repr(complex(1, 1e-20))))
show('0j ** -1', lambda: (0j ** -1))
show('0j ** 0j, (2+0j)**3, 1j**2, (1+1j)**100', lambda: (0j ** 0j, (2+0j)**3, 1j**2, (1+1j)**100))
show('int(True), float(True), bool(0.0), bool(-0.0), bool(2**100), bool(1j), bool(0j)', lambda: (int(True), float(True), bool(0.0), bool(-0.0), bool(2**100), bool(1j), bool(0j)))
