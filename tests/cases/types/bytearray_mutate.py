# bytearray mutation: item and slice assignment, deletion, the mutating methods, in-place operators
def show(label, f):
    try:
        r = f()
        print(label, '->', repr(r))
    except Exception as e:
        print(label, '->', type(e).__name__ + ':', e)

b = bytearray(b'hello world')
b[0] = 72
b[-1] = ord('D')
print(b)
show('set big', lambda: b.__setitem__(0, 256))
show('set str', lambda: b.__setitem__(0, 'x'))
show('set out', lambda: b.__setitem__(50, 1))
show('set neg out', lambda: b.__setitem__(-50, 1))
show('set key', lambda: b.__setitem__('a', 1))
show('set huge key', lambda: b.__setitem__(10 ** 30, 1))
show('get huge key', lambda: b[10 ** 30])
show('get out', lambda: b[11])
show('get float', lambda: b[1.5])
b[0:5] = b'HOWDY'
print(b)
b[0:5] = b'Hi'
print(b)
b[2:2] = [32, 33]
print(b)
b[:0] = bytearray(b'>>')
print(b)
b[len(b):] = memoryview(b'<<')
print(b)
b[1:3] = b''
print(b)
b[::2] = b'_' * len(b[::2])
print(b)
b[::-3] = bytes(len(b[::-3]))
print(b)
show('ext size', lambda: b.__setitem__(slice(None, None, 2), b'x'))
show('assign int', lambda: b.__setitem__(slice(0, 1), 5))
show('assign str', lambda: b.__setitem__(slice(0, 1), 'abc'))
show('assign float', lambda: b.__setitem__(slice(0, 1), 1.5))
show('assign bad list', lambda: b.__setitem__(slice(0, 1), [1, 'x']))
show('assign range', lambda: b.__setitem__(slice(0, 2), range(97, 100)))
print(b)
c = bytearray(b'abcdef')
c[1:4] = c
print(c)
c[::2] = c[1::2]
print(c)
c = bytearray(range(10))
del c[::3]
print(c)
del c[::-2]
print(c)
del c[0]
del c[-1]
print(c)
show('del out', lambda: c.__delitem__(10))
show('del key', lambda: c.__delitem__('k'))
del c[:]
print(c, len(c))
d = bytearray(b'abc')
d.append(100)
d.append(True)
show('append big', lambda: d.append(256))
show('append neg', lambda: d.append(-1))
show('append str', lambda: d.append('e'))
show('append none', lambda: d.append())
d.extend(b'xy')
d.extend([1, 2])
d.extend(x for x in b'gen')
d.extend(memoryview(b'mv'))
d.extend(bytearray(b'ba'))
d.extend(d)
print(d)
show('extend int', lambda: d.extend(5))
show('extend str', lambda: d.extend('ab'))
show('extend bad', lambda: d.extend([1, 300]))
d = bytearray(b'abc')
d.insert(0, 65)
d.insert(-1, 66)
d.insert(100, 67)
d.insert(-100, 68)
print(d)
show('insert arity', lambda: d.insert(0))
show('insert idx', lambda: d.insert('x', 1))
show('insert val', lambda: d.insert(0, 300))
print(d.pop(), d.pop(0), d.pop(-2), d)
show('pop out', lambda: d.pop(50))
show('pop empty', lambda: bytearray().pop())
show('pop str', lambda: d.pop('x'))
show('pop arity', lambda: d.pop(1, 2))
d.remove(ord('A'))
print(d)
show('remove missing', lambda: d.remove(122))
show('remove big', lambda: d.remove(999))
e = d.copy()
e.reverse()
print(d, e, e is d, type(e))
e.clear()
print(e, e.__alloc__())
f = bytearray(b'ab')
f += b'cd'
f += bytearray(b'ef')
f += memoryview(b'gh')
print(f)
f *= 2
print(f)
f *= 0
print(f, len(f))
g = bytearray(b'xy')
g *= -1
print(g)
show('iadd int', lambda: bytearray(b'x').__iadd__(5))
show('iadd str', lambda: bytearray(b'x').__iadd__('s'))
show('imul str', lambda: bytearray(b'x').__imul__('s'))
try:
    h = bytearray(b'x')
    h *= 'y'
except TypeError as exc:
    print('imul op:', exc)
try:
    h = bytearray(b'x')
    h += 'y'
except TypeError as exc:
    print('iadd op:', exc)
# iteration sees mutation
i = bytearray(b'abc')
out = []
for x in i:
    out.append(x)
    if x == 97:
        i.append(100)
print(out, list(reversed(i)), type(iter(i)).__name__)
it = iter(bytearray(b'ab'))
print(next(it), next(it), next(it, 'end'))
