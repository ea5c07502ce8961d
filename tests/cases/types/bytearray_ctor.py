# bytearray construction: every source form, CPython's messages, repr, allocation sizes
def show(label, f):
    try:
        r = f()
        print(label, '->', repr(r))
    except Exception as e:
        print(label, '->', type(e).__name__ + ':', e)

class Idx:
    def __index__(self):
        return 3

class Sub(bytearray):
    pass

show('empty', lambda: bytearray())
show('int', lambda: bytearray(4))
show('zero', lambda: bytearray(0))
show('index', lambda: bytearray(Idx()))
show('neg', lambda: bytearray(-1))
show('huge', lambda: bytearray(10 ** 30))
show('bytes', lambda: bytearray(b'abc'))
show('bytearray', lambda: bytearray(bytearray(b'xy')))
show('memoryview', lambda: bytearray(memoryview(b'hello')[1:4]))
show('strided view', lambda: bytearray(memoryview(b'abcdef')[::2]))
show('list', lambda: bytearray([1, 2, 255]))
show('tuple', lambda: bytearray((0, 65)))
show('range', lambda: bytearray(range(65, 70)))
show('gen', lambda: bytearray(x for x in [104, 105]))
show('bools', lambda: bytearray([True, False]))
show('bad item', lambda: bytearray([1, 'x']))
show('big item', lambda: bytearray([256]))
show('neg item', lambda: bytearray([-1]))
show('float', lambda: bytearray(2.5))
show('none', lambda: bytearray(None))
show('dict', lambda: bytearray({1: 2}))
show('str', lambda: bytearray('abc'))
show('str enc', lambda: bytearray('héllo', 'utf-8'))
show('str latin', lambda: bytearray('é', 'latin-1'))
show('str ascii err', lambda: bytearray('é', 'ascii'))
show('str ascii ignore', lambda: bytearray('aéb', 'ascii', 'ignore'))
show('str kw', lambda: bytearray(source='x', encoding='utf-8'))
show('enc no str', lambda: bytearray(3, 'utf-8'))
show('errors only', lambda: bytearray(errors='strict'))
show('bytes with enc', lambda: bytearray(b'x', 'utf-8'))
show('bad enc type', lambda: bytearray('x', 5))
show('bad errors type', lambda: bytearray('x', 'utf-8', 5))
show('too many', lambda: bytearray(1, 2, 3, 4))
show('bad kw', lambda: bytearray(foo=1))
show('unknown enc', lambda: bytearray('x', 'nope'))
show('subclass', lambda: Sub(b'ab'))
show('subclass type', lambda: type(Sub(b'ab') + b'c'))
show('subclass copy', lambda: type(Sub(b'ab').copy()))
show('reinit', lambda: (lambda b: (b.__init__(b'new'), b)[1])(bytearray(b'old')))
show('reinit empty', lambda: (lambda b: (b.__init__(), b)[1])(bytearray(b'old')))
for src in [b'', b'a', b'ab', b'abcdef', 5, [1, 2, 3], range(20), 'xyz']:
    b = bytearray(src, 'ascii') if isinstance(src, str) else bytearray(src)
    print('alloc', repr(src), b.__alloc__(), b.__sizeof__() - b.__alloc__())
b = bytearray()
sizes = []
for i in range(40):
    b.append(i)
    sizes.append(b.__alloc__())
print(sizes)
for n in range(40, 0, -7):
    del b[n - 7:]
    print(len(b), b.__alloc__())
print(repr(bytearray(b'\x00\x7f\x80\xff\'"\\\t\n\r')), str(bytearray(b"it's")))
print(repr(Sub(b'q')), bytearray.__name__, bytearray.__mro__)
print(bytearray(b'x').__reduce__(), bytearray(b'x\xff').__reduce_ex__(2), bytearray(b'x').__reduce_ex__(3), bytearray().__reduce_ex__(4))
s = Sub(b'ab')
s.attr = 1
print(s.__reduce_ex__(4), s.__reduce__())
