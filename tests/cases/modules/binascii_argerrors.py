import binascii
def t(f):
    try:
        r = f()
        print('ok', r if not isinstance(r, bytes) or len(r) < 80 else len(r))
    except Exception as e:
        print(type(e).__name__, e)

t(lambda: binascii.hexlify(b'abc', 1))
t(lambda: binascii.hexlify(b'abc', '--'))
t(lambda: binascii.hexlify(b'abc', bytes_per_sep=2))
t(lambda: binascii.hexlify('abc'))
t(lambda: binascii.hexlify())
t(lambda: binascii.a2b_base64())
t(lambda: binascii.crc32())
t(lambda: binascii.crc32('a'))
t(lambda: binascii.crc_hqx(b'a'))
t(lambda: binascii.crc32(b'a', 1.5))
t(lambda: binascii.b2a_base64(b'a', True))
t(lambda: binascii.a2b_qp(data=b'a'))
t(lambda: binascii.b2a_qp(b'a', 1, 0, 1))
t(lambda: binascii.unhexlify())
t(lambda: binascii.b2a_qp())
t(lambda: binascii.b2a_uu())
t(lambda: binascii.a2b_uu())
t(lambda: binascii.b2a_base64())
