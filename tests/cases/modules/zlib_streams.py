import zlib
data = b''.join(b'record %05d: %s\n' % (i, b'abc' * (i % 7)) for i in range(3000))
co = zlib.compressobj(9, zlib.DEFLATED, -12, 9, zlib.Z_FILTERED)
parts = [co.compress(data[i:i + 1000]) for i in range(0, len(data), 1000)]
parts.append(co.flush(zlib.Z_SYNC_FLUSH))
parts.append(co.compress(b'tail'))
parts.append(co.flush(zlib.Z_FULL_FLUSH))
parts.append(co.flush())
stream = b''.join(parts)
print([len(p) for p in parts], zlib.crc32(stream))
print(zlib.decompress(stream, -12) == data + b'tail')
try:
    co.compress(b'more')
except zlib.error as e:
    print(e)
try:
    co.copy()
except ValueError as e:
    print(e)
print(co.flush(zlib.Z_NO_FLUSH))

full = zlib.compress(data) + b'EXTRA'
do = zlib.decompressobj()
out = b''
chunks = []
buf = full
while buf and not do.eof:
    piece = do.decompress(buf, 5000)
    chunks.append(len(piece))
    out += piece
    buf = do.unconsumed_tail
print(out == data, do.eof, do.unused_data, do.unconsumed_tail, chunks[:5], len(chunks))
print(do.decompress(b'more'), do.unused_data)
print(do.flush())

do = zlib.decompressobj()
half = do.decompress(full[:len(full) // 2])
cp = do.copy()
rest1 = do.decompress(full[len(full) // 2:]) + do.flush()
rest2 = cp.decompress(full[len(full) // 2:]) + cp.flush()
print(half + rest1 == data, rest1 == rest2, cp.eof, cp.unused_data)
do = zlib.decompressobj()
x = do.decompress(zlib.compress(data)[:100])
print(len(x), do.eof, do.flush()[:10], do.eof)

zd = b'record abcabcabc'
co = zlib.compressobj(zdict=zd)
c = co.compress(data) + co.flush()
print(len(c), zlib.crc32(c))
do = zlib.decompressobj(zdict=zd)
print(do.decompress(c) == data)
try:
    zlib.decompress(c)
except zlib.error as e:
    print(e)
try:
    zlib.decompressobj().decompress(c)
except zlib.error as e:
    print(e)
co = zlib.compressobj(wbits=-15, zdict=zd)
c = co.compress(data) + co.flush()
print(zlib.decompressobj(wbits=-15, zdict=zd).decompress(c) == data)
co = zlib.compressobj()
co.compress(b'abc')
co2 = co.copy()
print(co.flush() == co2.flush(), type(co).__name__, type(do).__name__, type(co).__module__)
import copy
do = zlib.decompressobj()
print(type(copy.copy(do)).__name__, type(copy.deepcopy(zlib.compressobj())).__name__)
import gzip
g = gzip.compress(b'gzip data', mtime=0)
print(g, gzip.decompress(g))
