import _md5, _sha3, _blake2
def t(f):
    try:
        r = f()
        print('ok', r if not isinstance(r, bytes) or len(r) < 80 else len(r))
    except Exception as e:
        print(type(e).__name__, e)

t(lambda: (len(d.decompress(c, 10)), len(d.unconsumed_tail), len(d.flush()), d.eof, d.unconsumed_tail))
t(lambda: _md5.md5(string=b'a', usedforsecurity=False).hexdigest())
t(lambda: _md5.md5(b'a', string=b'a'))
t(lambda: _md5.md5(data=b'a'))
t(lambda: _sha3.sha3_256(data=b'a'))
t(lambda: _sha3.sha3_256(b'a', usedforsecurity=False).hexdigest()[:8])
t(lambda: _blake2.blake2b(b'a', b'b'))
t(lambda: _blake2.blake2b(digest_size='a'))
t(lambda: _blake2.blake2b(key='a'))
t(lambda: _blake2.blake2b(string=b'a'))
t(lambda: _blake2.blake2b(data=b'a'))
t(lambda: _md5.md5().update())
t(lambda: _md5.MD5Type())
t(lambda: _sha3.shake_128().digest())
t(lambda: _sha3.shake_128().hexdigest(length=3))
t(lambda: type(_md5.md5()).__module__)
t(lambda: _md5.md5().copy().name)
t(lambda: _sha3.sha3_512(b'', b''))
t(lambda: _sha3.shake_128(b'', x=1))
t(lambda: _sha3.shake_128().digest(length=3))
