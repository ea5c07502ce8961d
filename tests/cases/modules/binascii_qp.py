import binascii
samples = [b'', b'hello', b'a=b', b'tab\tend\t', b'space end \nnext', b'caf\xc3\xa9', b'.\n.', b'.',
           b'x' * 200, b'line1\r\nline2 \r\n', b'under_score', b'\x00\x01 \x7f', b'a' * 75 + b'=',
           b'a' * 74 + b'\n' + b'b' * 80, b'end with space ']
for s in samples:
    for kw in ({}, {'quotetabs': True}, {'istext': False}, {'header': True}):
        e = binascii.b2a_qp(s, **kw)
        d = binascii.a2b_qp(e, header=kw.get('header', False))
        print(kw, e, d == s or d)
print(binascii.a2b_qp(b'a=\nb=\r\nc=3D=3d=x=\n'), binascii.a2b_qp('soft=\r\nbreak'), binascii.a2b_qp(b'a_b', True),
      binascii.a2b_qp(b'a=4'), binascii.a2b_qp(b'=='), binascii.a2b_qp(b'abc='))
