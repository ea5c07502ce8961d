import zlib, random, binascii
r = random.Random(7)
out = []
for trial in range(60):
    data = bytes(r.choice(b'abcde \n\x00\xff') for _ in range(r.randrange(0, 5000)))
    level = r.choice([-1, 0, 1, 5, 9]); wbits = r.choice([9, 12, 15, -15, -9, 25, 31]); mem = r.randrange(1, 10)
    strat = r.choice([0, 1, 2, 3, 4])
    co = zlib.compressobj(level, zlib.DEFLATED, wbits, mem, strat)
    parts = []
    i = 0
    while i < len(data):
        n = r.randrange(1, 700)
        parts.append(co.compress(data[i:i + n]))
        i += n
        if r.random() < 0.2:
            parts.append(co.flush(r.choice([zlib.Z_SYNC_FLUSH, zlib.Z_FULL_FLUSH, zlib.Z_PARTIAL_FLUSH, zlib.Z_BLOCK, zlib.Z_NO_FLUSH])))
    parts.append(co.flush())
    stream = b''.join(parts)
    out.append((len(stream), zlib.crc32(stream)))
    dwbits = wbits if wbits < 0 else (47 if wbits > 15 else wbits)
    do = zlib.decompressobj(dwbits)
    got = b''
    buf = stream + b'tailbytes'
    while buf and not do.eof:
        n = r.randrange(1, 400)
        chunk, buf = buf[:n], buf[n:]
        chunk = do.unconsumed_tail + chunk
        got += do.decompress(chunk, r.choice([0, 1, 50, 1000]))
    got += do.flush()
    out.append((got == data, do.eof, do.unused_data[:20], len(do.unconsumed_tail)))
    out.append(binascii.crc_hqx(data, trial) ^ zlib.adler32(data, trial))
print(out)
