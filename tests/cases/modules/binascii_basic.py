import binascii

data = bytes(range(256)) + b'hello world\n'
print(binascii.hexlify(b'\x01\xab\xff'), binascii.b2a_hex(b'abc'))
print(binascii.hexlify(b'\x01\x02\x03\x04\x05', '-'), binascii.hexlify(b'\x01\x02\x03\x04\x05', b':', 2),
      binascii.hexlify(b'\x01\x02\x03\x04\x05', sep='_', bytes_per_sep=-2))
print(binascii.unhexlify(b'01abFF'), binascii.a2b_hex('6869'), binascii.unhexlify(bytearray(b'00')))
for bad in (b'abc', b'zz', 'é0', 1):
    try:
        binascii.unhexlify(bad)
    except Exception as e:
        print(type(e).__name__, e)
print(binascii.b2a_base64(b''), binascii.b2a_base64(b'a'), binascii.b2a_base64(b'ab'), binascii.b2a_base64(b'abc'))
print(binascii.b2a_base64(data, newline=False))
enc = binascii.b2a_base64(data)
print(binascii.a2b_base64(enc) == data, binascii.a2b_base64(enc.decode()) == data)
print(binascii.a2b_base64(b'YW Jj\nZA=='), binascii.a2b_base64(b'YQ==garbage'), binascii.a2b_base64(b'Y!Q=*='))
for bad in (b'YWJjZ', b'YWJjZA', b'YWJjZA=', b'a'):
    try:
        print(binascii.a2b_base64(bad))
    except binascii.Error as e:
        print('Error', e)
for bad in (b'=YWJj', b'YWJj!', b'YQ==YQ==', b'YQ=a=', b'YWJj====', b'YQ==\n'):
    try:
        print(binascii.a2b_base64(bad, strict_mode=True))
    except binascii.Error as e:
        print('Error', e)
print(binascii.a2b_base64(b'YWJj', strict_mode=True))
try:
    binascii.b2a_base64('str')
except TypeError as e:
    print(e)
try:
    binascii.a2b_base64(3)
except TypeError as e:
    print(e)
print(binascii.crc32(b''), binascii.crc32(data), binascii.crc32(b'abc', 12345), binascii.crc32(b'abc', -1),
      binascii.crc32(b'abc', 2**40 + 7))
print(binascii.crc_hqx(b'', 0), binascii.crc_hqx(data, 0), binascii.crc_hqx(b'123456789', 0xffff),
      binascii.crc_hqx(b'abc', -1))
print(issubclass(binascii.Error, ValueError), binascii.Error.__module__, binascii.Incomplete.__mro__[1])
for s in (b'', b'a', b'ab', b'abc', b'hello world', bytes(range(45))):
    for bt in (False, True):
        e = binascii.b2a_uu(s, backtick=bt)
        print(e, binascii.a2b_uu(e) == s)
print(binascii.a2b_uu(b''), binascii.a2b_uu(b'$86)C\n'), binascii.a2b_uu('#86)C'), binascii.a2b_uu(b'&86)C'))
for bad in (lambda: binascii.b2a_uu(b'x' * 46), lambda: binascii.a2b_uu(b'#86)C  x'), lambda: binascii.a2b_uu(b'#\x01')):
    try:
        bad()
    except binascii.Error as e:
        print('Error', e)
