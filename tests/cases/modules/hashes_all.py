import hashlib, _md5, _sha1, _sha256, _sha512, _sha3, _blake2
msgs = [b'', b'abc', b'a' * 55, b'a' * 56, b'a' * 64, b'a' * 111, b'a' * 112, b'a' * 128, b'a' * 200,
        bytes(range(256)) * 5]
for name in ('md5', 'sha1', 'sha224', 'sha256', 'sha384', 'sha512', 'sha3_224', 'sha3_256', 'sha3_384', 'sha3_512',
             'blake2b', 'blake2s'):
    ctor = getattr(hashlib, name)
    h = ctor()
    print(name, h.name, h.digest_size, h.block_size)
    for m in msgs:
        print(' ', ctor(m).hexdigest())
    h = ctor()
    for m in msgs:
        h.update(m)
    c = h.copy()
    c.update(b'x')
    print(' incr', h.hexdigest(), c.hexdigest() != h.hexdigest(), h.digest() == bytes.fromhex(h.hexdigest()))
for name in ('shake_128', 'shake_256'):
    h = getattr(hashlib, name)(b'abc')
    print(name, h.name, h.digest_size, h.block_size, h.hexdigest(0), h.hexdigest(10), h.digest(300).hex()[-20:])
print(hashlib.new('md5', b'abc').hexdigest(), hashlib.new('sha256', data=b'abc').hexdigest()[:16])
print(hashlib.blake2b(b'abc', digest_size=20, key=b'key', salt=b'salt', person=b'me').hexdigest())
print(hashlib.blake2s(b'abc', digest_size=16, key=b'k' * 32, salt=b's' * 8, person=b'p' * 8).hexdigest())
print(hashlib.blake2b(b'x' * 300, fanout=2, depth=3, leaf_size=4096, node_offset=5, node_depth=1, inner_size=32,
                      last_node=True).hexdigest())
print(hashlib.blake2s(b'x' * 300, fanout=0, depth=255, leaf_size=2**32 - 1, node_offset=2**48 - 1, node_depth=255,
                      inner_size=32, last_node=True).hexdigest())
print(hashlib.blake2b(key=b'k' * 64).hexdigest()[:20], hashlib.blake2b.SALT_SIZE, hashlib.blake2s.MAX_DIGEST_SIZE,
      _blake2.BLAKE2B_MAX_KEY_SIZE)
h = _sha3.sha3_256()
print(h._capacity_bits, h._rate_bits, h._suffix, _sha3.shake_256()._suffix)
for bad in (lambda: _md5.md5('str'), lambda: _sha1.sha1(1), lambda: _sha256.sha256().update('x'), lambda: _sha512.sha384(string=3),
            lambda: _sha3.sha3_224(b'a', b'b'), lambda: _md5.md5(b'a', b'b'),
            lambda: _sha3.shake_128().digest(-1), lambda: _sha3.shake_128().hexdigest(2**29), lambda: _sha3.shake_256().digest('x'),
            lambda: hashlib.blake2b(digest_size=65), lambda: hashlib.blake2s(key=b'k' * 33),
            lambda: hashlib.blake2b(salt=b's' * 17), lambda: hashlib.blake2s(person=b'p' * 9),
            lambda: hashlib.blake2b(fanout=256), lambda: hashlib.blake2b(depth=0), lambda: hashlib.blake2b(leaf_size=-1),
            lambda: hashlib.blake2b(node_depth=256), lambda: hashlib.blake2b(inner_size=65),
            lambda: hashlib.blake2s(node_offset=2**48)):
    try:
        bad()
    except Exception as e:
        print(type(e).__name__, e)
print(sorted(hashlib.algorithms_guaranteed))
import hmac
print(hmac.new(b'key', b'msg', 'sha256').hexdigest(), hmac.digest(b'k', b'm', 'md5').hex())
print(type(_md5.md5()).__name__, type(_sha256.sha224()), _sha256.SHA256Type, _sha1.SHA1Type, _md5.MD5Type, _sha512.SHA384Type)
print(type(_sha3.sha3_224()), _sha3.shake_128, _blake2.blake2b, _sha3.implementation)
