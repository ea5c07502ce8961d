import _md5, _sha1, _sha256, _sha512, _sha3, _blake2, random
r = random.Random(5)
ctors = [_md5.md5, _sha1.sha1, _sha256.sha224, _sha256.sha256, _sha512.sha384, _sha512.sha512, _sha3.sha3_224,
         _sha3.sha3_256, _sha3.sha3_384, _sha3.sha3_512, _blake2.blake2b, _blake2.blake2s]
for c in ctors:
    acc = c()
    for trial in range(30):
        data = bytes(r.randrange(256) for _ in range(r.randrange(0, 600)))
        h = c()
        i = 0
        while i < len(data):
            n = r.randrange(1, 200)
            h.update(data[i:i + n])
            i += n
        assert h.digest() == c(data).digest()
        acc.update(h.digest())
    print(acc.name, acc.hexdigest())
for c in (_sha3.shake_128, _sha3.shake_256):
    h = c()
    for n in (0, 1, 167, 168, 169, 500):
        h.update(bytes(range(256))[:n])
        print(c.__name__, n, h.hexdigest(n % 300 + 1)[-16:])
for ds in (1, 7, 32):
    for kl in (0, 1, 32):
        print(ds, kl, _blake2.blake2s(b'x' * (ds * kl), digest_size=ds, key=b'k' * kl).hexdigest(),
              _blake2.blake2b(b'y' * 129, digest_size=ds * 2, key=b'k' * (kl * 2)).hexdigest()[:16])
