import zlib
data = b''.join(b'line %d of some repetitive text\n' % i for i in range(2000))
for level in (-1, 0, 1, 6, 9):
    c = zlib.compress(data, level)
    print(level, len(c), zlib.crc32(c), zlib.decompress(c) == data)
for wbits in (9, 15, -15, 31, -9):
    c = zlib.compress(data, 6, wbits)
    print(wbits, len(c), zlib.crc32(c), zlib.decompress(c, wbits) == data)
print(zlib.decompress(zlib.compress(data, wbits=31), 47) == data, zlib.decompress(zlib.compress(data), bufsize=1) == data)
print(zlib.compress(b''), zlib.compress(b'hello'), zlib.decompress(zlib.compress(b'hello', level=9)))
print(zlib.crc32(b'hello'), zlib.crc32(b'hello', 1), zlib.crc32(b'hello', -1), zlib.adler32(b'hello'),
      zlib.adler32(b'hello', 7), zlib.adler32(b''), zlib.crc32(memoryview(b'abc')))
for bad in (lambda: zlib.decompress(b'garbage'), lambda: zlib.decompress(zlib.compress(data)[:-5]),
            lambda: zlib.compress(b'x', 10), lambda: zlib.decompress(b'x', bufsize=-1),
            lambda: zlib.compress('str'), lambda: zlib.decompress(zlib.compress(b'x'), 99),
            lambda: zlib.compressobj(method=3), lambda: zlib.decompressobj(zdict=3),
            lambda: zlib.decompressobj().decompress(b'x', -1), lambda: zlib.decompressobj().flush(0),
            lambda: zlib.decompress(b'x\x9c\x00', 15)):
    try:
        bad()
    except Exception as e:
        print(type(e).__name__, e)
print(zlib.MAX_WBITS, zlib.DEFLATED, zlib.DEF_MEM_LEVEL, zlib.DEF_BUF_SIZE, zlib.Z_BEST_COMPRESSION, zlib.Z_FINISH,
      zlib.Z_SYNC_FLUSH, zlib.Z_FULL_FLUSH, zlib.Z_NO_FLUSH, zlib.Z_BLOCK, zlib.Z_TREES, zlib.Z_RLE, zlib.Z_FIXED,
      zlib.Z_HUFFMAN_ONLY, zlib.Z_FILTERED, zlib.Z_DEFAULT_STRATEGY, zlib.Z_DEFAULT_COMPRESSION, zlib.Z_PARTIAL_FLUSH,
      zlib.Z_NO_COMPRESSION, zlib.Z_BEST_SPEED, zlib.ZLIB_VERSION == zlib.ZLIB_RUNTIME_VERSION)
print(issubclass(zlib.error, Exception), zlib.error.__module__, zlib.error.__name__)
