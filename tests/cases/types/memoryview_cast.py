# memoryview.cast: native formats (little-endian, LP64 sizes), shapes, CPython's errors
def show(label, f):
    try:
        r = f()
        if isinstance(r, memoryview):
            r = ('view', r.format, r.itemsize, r.ndim, r.shape, r.strides, r.nbytes, r.tolist())
        print(label, '->', repr(r))
    except Exception as e:
        print(label, '->', type(e).__name__ + ':', e)

raw = bytes([1, 0, 0, 0, 254, 255, 255, 255, 3, 0, 0, 0, 255, 255, 255, 127])
m = memoryview(raw)
for fmt in ['B', 'b', 'c', '?', 'H', 'h', 'I', 'i', 'L', 'l', 'Q', 'q', 'N', 'n', 'P', 'f', 'd', '@H', '@B',
            '<H', '>i', '=I', 'e', 'x', 'HH', 's', '', 'Z']:
    show('cast ' + fmt, lambda: m.cast(fmt))
c = m.cast('i')
print(c[0], c[1], c[-1], c[1:3].tolist(), c[::2].tolist(), len(c), list(c))
show('i hash', lambda: hash(c))
show('cast H->I', lambda: m.cast('H').cast('I'))
show('cast H->B', lambda: m.cast('H').cast('B'))
show('cast strided', lambda: m[::2].cast('B'))
show('cast odd', lambda: m[:3].cast('H'))
show('shape 2d', lambda: m.cast('B', (4, 4)))
show('shape list', lambda: m.cast('H', [2, 4]))
show('shape 3d', lambda: m.cast('B', shape=(2, 2, 4)))
show('shape bad prod', lambda: m.cast('B', (3, 4)))
show('shape zero', lambda: m.cast('B', (0, 16)))
show('shape neg', lambda: m.cast('B', (-1, 16)))
show('shape str', lambda: m.cast('B', ('a',)))
show('shape int', lambda: m.cast('B', 16))
show('shape 0-dim', lambda: m[:4].cast('I', ()))
show('shape too many', lambda: m.cast('B', (1,) * 65))
show('fmt int', lambda: m.cast(1))
show('fmt missing', lambda: m.cast())
show('fmt kw', lambda: m.cast(format='H'))
t = m.cast('B', (4, 4))
for label, f in [
    ('2d len', lambda: len(t)), ('2d item', lambda: t[1, 2]), ('2d neg', lambda: t[-1, -1]), ('2d out', lambda: t[4, 0]),
    ('2d out2', lambda: t[0, 4]), ('2d row', lambda: t[0]), ('2d slice', lambda: t[1:3]), ('2d multislice', lambda: t[1:2, 0:1]),
    ('2d 3 idx', lambda: t[0, 0, 0]), ('2d list', lambda: list(t)), ('2d tobytes', lambda: t.tobytes()),
    ('2d tobytes F', lambda: t.tobytes('F')), ('2d hex', lambda: t.hex()), ('2d flatten', lambda: t.cast('B')),
    ('2d to H', lambda: t.cast('H')), ('2d to 2d', lambda: t.cast('B', (2, 8))), ('2d eq', lambda: t == m.cast('B', (4, 4))),
    ('2d eq 1d', lambda: t == m), ('2d c', lambda: t.c_contiguous), ('2d f', lambda: t.f_contiguous),
    ('2d slice c', lambda: t[::2].c_contiguous),
]:
    show(label, f)
z = m[:4].cast('I', ())
for label, f in [
    ('0d len', lambda: len(z)), ('0d item', lambda: z[()]), ('0d ellipsis', lambda: z[...].tolist()), ('0d int', lambda: z[0]),
    ('0d list', lambda: list(z)), ('0d tolist', lambda: z.tolist()), ('0d tobytes', lambda: z.tobytes()),
]:
    show(label, f)
buf = bytearray(16)
w = memoryview(buf)
h = w.cast('H')
h[0] = 0xBEEF
h[1] = 1
q = w.cast('q')
q[1] = -2
print(buf.hex(), h.tolist()[:2], q.tolist())
for fmt, value in [('H', 65536), ('h', 32768), ('h', -32769), ('H', -1), ('B', 256), ('b', -129), ('H', 'x'), ('H', 1.0),
                   ('c', b'xy'), ('c', 1), ('c', bytearray(b'x')), ('f', 'x'), ('d', 2), ('f', 0.5), ('?', []), ('?', 5),
                   ('Q', 2 ** 64), ('Q', 2 ** 64 - 1), ('q', -2 ** 63), ('I', True), ('i', 2 ** 31)]:
    v = w.cast(fmt)
    show('set %s %r' % (fmt, value), lambda: (v.__setitem__(0, value), v[0])[1])
d2 = w.cast('B', (4, 4))
show('2d set', lambda: (d2.__setitem__((1, 1), 7), buf[5])[1])
show('2d set row', lambda: d2.__setitem__(0, 1))
show('2d set slice', lambda: d2.__setitem__(slice(0, 1), b'x'))
z2 = w[:8].cast('d', ())
show('0d set', lambda: (z2.__setitem__((), 1.5), z2[()])[1])
show('0d set ell', lambda: (z2.__setitem__(..., 2.5), z2.tolist())[1])
show('0d set int', lambda: z2.__setitem__(0, 1.0))
print(memoryview(bytes(range(8))).cast('f').tolist(), memoryview(bytes(8)).cast('d')[0])
