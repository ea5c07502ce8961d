# native code taking bytes-like arguments accepts memoryview (contiguous) and bytearray
import marshal
data = marshal.dumps((1, 'two', b'three', [4.0]))
framed = b'\x00' * 16 + data
print(marshal.loads(memoryview(framed)[16:]), marshal.loads(bytearray(data)))
print(marshal.loads(memoryview(bytearray(framed))[16:]))
code = compile('x = 40 + 2', '<m>', 'exec')
ns = {}
exec(marshal.loads(memoryview(marshal.dumps(code))), ns)
print(ns['x'])
try:
    marshal.loads(memoryview(framed)[16::2])
except Exception as e:
    print(type(e).__name__, e)
v = memoryview(b'hello world')
print(b'-'.join([v[:5], bytearray(b'x'), v[6:]]), b'hello'.startswith(v[:2]), b'hello world'.find(v[6:]))
print(b'a,b'.split(memoryview(b',')), b'abc'.replace(v[:1], bytearray(b'H')), bytearray(b'abc').strip(memoryview(b'ac')))
print(int.from_bytes(memoryview(b'\x01\x02'), 'big'), int.from_bytes(bytearray(b'\x01\x02'), 'little'))
print(str(memoryview(b'caf\xc3\xa9'), 'utf-8'), str(bytearray(b'abc'), 'ascii'))
print(b'x' + v[:1], bytearray(b'x') + v[:1], bytes(v[::-1]))
try:
    b'x'.join([v[::2]])
except TypeError as e:
    print(e)
try:
    b'abc'.find(v[::2])
except BufferError as e:
    print('BufferError', e)
try:
    b'x' + v[::2]
except TypeError as e:
    print('TypeError', e)
print(compile(bytearray(b'1 + 1'), '<s>', 'eval'), eval(bytearray(b'2 * 3')))
print(memoryview(b'abc').tobytes().decode(), bytearray(b'\xff\xfe').hex(), memoryview(bytearray(b'xy')).hex())
import sys
sys.stdout.write(memoryview(b'').tobytes().decode())
print(bytes(memoryview(b'q')), bytes(bytearray(2)))
