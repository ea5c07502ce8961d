import gzip, zipfile, io, random, hmac, secrets, uuid, quopri, hashlib, contextvars
random.seed('abc'); print(random.random())
print(gzip.decompress(gzip.compress(b'x' * 1000, mtime=0)) == b'x' * 1000, gzip.compress(b'abc', mtime=0))
buf = io.BytesIO()
with zipfile.ZipFile(buf, 'w', compression=zipfile.ZIP_DEFLATED) as z:
    z.writestr('a.txt', 'hello ' * 100)
    z.writestr('b.bin', bytes(range(256)))
with zipfile.ZipFile(io.BytesIO(buf.getvalue())) as z:
    print(z.namelist(), len(z.read('a.txt')), z.read('b.bin')[:4], [i.CRC for i in z.infolist()])
print(quopri.encodestring(b'caf\xc3\xa9 = ok\t\n'), uuid.uuid3(uuid.NAMESPACE_DNS, 'python.org'), uuid.uuid5(uuid.NAMESPACE_DNS, 'python.org'))
print(hmac.compare_digest(b'a', b'a'), len(secrets.token_hex(8)))
