# bytearray exported through memoryview: resizing refused, same-size changes allowed
def show(label, f):
    try:
        r = f()
        print(label, '->', repr(r))
    except Exception as e:
        print(label, '->', type(e).__name__ + ':', e)

ba = bytearray(b'abc')
m = memoryview(ba)
for label, f in [
    ('append', lambda: ba.append(1)),
    ('extend', lambda: ba.extend(b'x')),
    ('extend empty', lambda: ba.extend(b'')),
    ('pop', lambda: ba.pop()),
    ('clear', lambda: ba.clear()),
    ('grow slice', lambda: ba.__setitem__(slice(0, 1), b'xy')),
    ('same slice', lambda: ba.__setitem__(slice(0, 1), b'x')),
    ('shrink slice', lambda: ba.__setitem__(slice(0, 2), b'q')),
    ('del item', lambda: ba.__delitem__(0)),
    ('del ext', lambda: ba.__delitem__(slice(None, None, 2))),
    ('iadd', lambda: ba.__iadd__(b'x')),
    ('imul 2', lambda: ba.__imul__(2)),
    ('imul 1', lambda: ba.__imul__(1)),
    ('insert', lambda: ba.insert(0, 1)),
    ('remove', lambda: ba.remove(98)),
    ('reverse', lambda: ba.reverse()),
    ('init', lambda: ba.__init__(b'x')),
    ('set item', lambda: ba.__setitem__(0, 65)),
    ('ext slice same', lambda: ba.__setitem__(slice(None, None, 2), b'PQ')),
]:
    show(label, f)
    print('   ', ba, m.tobytes())
m2 = m[1:]
m.release()
show('after one release', lambda: ba.append(1))
m2.release()
ba.append(33)
print(ba)
with memoryview(ba) as m3:
    show('in with', lambda: ba.append(1))
    m4 = m3.cast('B')
show('cast alive', lambda: ba.append(1))
del m4
ba.append(34)
print(ba)
m5 = memoryview(ba)
del m5
ba.append(35)
print(ba)
m6 = memoryview(ba)
m6[0] = 122
m6[1:3] = b'YZ'
print(ba, bytes(m6))
ba[0] = 0x41
print(m6[0], m6.tobytes())
