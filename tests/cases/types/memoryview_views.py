# memoryview over bytes and bytearray: indexing, slicing with steps, attributes, release
def show(label, f):
    try:
        r = f()
        print(label, '->', repr(r) if not isinstance(r, memoryview) else ('view', r.tobytes(), r.shape, r.strides))
    except Exception as e:
        print(label, '->', type(e).__name__ + ':', e)

m = memoryview(b'abcdefgh')
for label, f in [
    ('len', lambda: len(m)), ('m[0]', lambda: m[0]), ('m[-1]', lambda: m[-1]), ('m[8]', lambda: m[8]),
    ('m[-9]', lambda: m[-9]), ('m[huge]', lambda: m[10 ** 30]), ('m[str]', lambda: m['a']), ('m[float]', lambda: m[1.5]),
    ('m[...]', lambda: m[...]), ('m[()]', lambda: m[()]), ('m[0,1]', lambda: m[0, 1]), ('m[:,:]', lambda: m[:, :]),
    ('m[2:5]', lambda: m[2:5]), ('m[::2]', lambda: m[::2]), ('m[::-1]', lambda: m[::-1]), ('m[5:2]', lambda: m[5:2]),
    ('m[1::3][::-1]', lambda: m[1::3][::-1]), ('m[::2][1]', lambda: m[::2][1]), ('m[::2][1:]', lambda: m[::2][1:]),
    ('tobytes', lambda: m.tobytes()), ('tobytes F', lambda: m.tobytes('F')), ('tobytes A', lambda: m.tobytes(order='A')),
    ('tobytes bad', lambda: m.tobytes('x')), ('tolist', lambda: m[::3].tolist()), ('hex', lambda: m[::2].hex()),
    ('hex sep', lambda: m.hex(':', 3)), ('nbytes', lambda: m[::3].nbytes), ('readonly', lambda: m.readonly),
    ('format', lambda: m.format), ('itemsize', lambda: m.itemsize), ('ndim', lambda: m.ndim),
    ('shape', lambda: m[1:].shape), ('strides', lambda: m[::-2].strides), ('suboffsets', lambda: m.suboffsets),
    ('obj', lambda: m[2:].obj), ('obj of view', lambda: memoryview(m).obj), ('c_contiguous', lambda: m.c_contiguous),
    ('strided c', lambda: m[::2].c_contiguous), ('strided f', lambda: m[::2].f_contiguous),
    ('strided contig', lambda: m[::2].contiguous), ('one item contig', lambda: m[::5][:1].contiguous),
    ('empty rev contig', lambda: m[:0][::-1].c_contiguous), ('list', lambda: list(m[:3])),
    ('reversed', lambda: list(reversed(m[:3]))), ('in int', lambda: 98 in m), ('in bytes', lambda: b'b' in m),
    ('bool', lambda: (bool(m), bool(m[:0]))), ('iter type', lambda: type(iter(m)).__name__),
    ('bytes()', lambda: bytes(m[::2])), ('bytearray()', lambda: bytearray(m[::-1])),
    ('toreadonly', lambda: m.toreadonly().readonly), ('mul', lambda: m * 2), ('add', lambda: m + b'x'),
    ('no args', lambda: memoryview()), ('int', lambda: memoryview(1)), ('str', lambda: memoryview('s')),
    ('kw', lambda: memoryview(object=b'kw')), ('two', lambda: memoryview(b'a', b'b')),
]:
    show(label, f)
ba = bytearray(b'0123456789')
w = memoryview(ba)
print(w.readonly, w.obj is ba)
w[0] = 65
w[-1] = 66
w[2:4] = b'xy'
w[4:8:2] = bytearray(b'PQ')
w[::-9] = memoryview(b'!?')
print(ba)
for label, f in [
    ('set 256', lambda: w.__setitem__(0, 256)), ('set -1', lambda: w.__setitem__(0, -1)),
    ('set str', lambda: w.__setitem__(0, 'a')), ('set float', lambda: w.__setitem__(0, 1.0)),
    ('set out', lambda: w.__setitem__(10, 1)), ('set key', lambda: w.__setitem__('k', 1)),
    ('set ellipsis', lambda: w.__setitem__(..., 1)), ('set tuple', lambda: w.__setitem__((0,), 67)),
    ('set size', lambda: w.__setitem__(slice(0, 2), b'xyz')), ('set int slice', lambda: w.__setitem__(slice(0, 2), 5)),
    ('set cast slice', lambda: w.__setitem__(slice(0, 2), memoryview(b'abcd').cast('H')[:1])),
    ('del', lambda: w.__delitem__(0)), ('readonly set', lambda: m.__setitem__(0, 1)),
    ('readonly slice', lambda: m.__setitem__(slice(0, 1), b'x')),
    ('overlap', lambda: (w.__setitem__(slice(1, 9), w[0:8]), bytes(ba))[1]),
]:
    show(label, f)
print(ba)
v = memoryview(b'released')
v.release()
v.release()
for label, f in [
    ('m[0]', lambda: v[0]), ('len', lambda: len(v)), ('tobytes', lambda: v.tobytes()), ('obj', lambda: v.obj),
    ('nbytes', lambda: v.nbytes), ('format', lambda: v.format), ('shape', lambda: v.shape), ('tolist', lambda: v.tolist()),
    ('hex', lambda: v.hex()), ('cast', lambda: v.cast('B')), ('eq self', lambda: v == v), ('eq bytes', lambda: v == b'released'),
    ('hash', lambda: hash(v)), ('bytes', lambda: bytes(v)), ('find', lambda: b'x'.find(v)), ('enter', lambda: v.__enter__()),
    ('list', lambda: list(v)), ('slice', lambda: v[0:1]), ('view of', lambda: memoryview(v)), ('readonly', lambda: v.readonly),
]:
    show(label, f)
print(repr(v).startswith('<released memory at 0x'), repr(m).startswith('<memory at 0x'))
with memoryview(b'ctx') as c:
    print(c.tobytes(), c.__exit__(None, None, None), repr(c)[:9])
h = memoryview(b'abc')
print(hash(h) == hash(b'abc'), hash(h[::2]) == hash(b'ac'), hash(h) == hash(h))
show('hash writable', lambda: hash(memoryview(bytearray(b'x'))))
show('hash H', lambda: hash(memoryview(b'abcd').cast('H')))
for label, f in [
    ('eq', lambda: memoryview(b'abc') == memoryview(b'abc')), ('ne', lambda: memoryview(b'abc') != b'abd'),
    ('eq ba', lambda: memoryview(b'abc') == bytearray(b'abc')), ('ba eq', lambda: bytearray(b'abc') == memoryview(b'abc')),
    ('bytes eq', lambda: b'abc' == memoryview(b'abc')), ('eq str', lambda: memoryview(b'abc') == 'abc'),
    ('lt', lambda: memoryview(b'abc') < memoryview(b'abd')), ('eq rev', lambda: memoryview(b'ab')[::-1] == b'ba'),
    ('eq len', lambda: memoryview(b'ab') == b'abc'), ('c vs B', lambda: memoryview(b'ab').cast('c') == memoryview(b'ab')),
    ('b vs B', lambda: memoryview(b'\xff').cast('b') == b'\xff'), ('H vs h', lambda: memoryview(b'\x01\x00').cast('H') == memoryview(b'\x01\x00').cast('h')),
    ('in list', lambda: memoryview(b'x') in [b'x']), ('dict key', lambda: {memoryview(b'k'): 1}[b'k']),
]:
    show(label, f)
print(type(memoryview(b'')).__name__, memoryview.__module__, [k for k in dir(memoryview) if not k.startswith('__')])
