import binascii, random
r = random.Random(11)
out = []
alphabet = b'ABCxyz019+/=\n \r!-_'
for trial in range(400):
    s = bytes(r.choice(alphabet) for _ in range(r.randrange(0, 30)))
    for strict in (False, True):
        try:
            out.append(binascii.a2b_base64(s, strict_mode=strict))
        except binascii.Error as e:
            out.append(str(e))
    raw = bytes(r.choice(b'ab =._\t\r\n\x00\xff~') for _ in range(r.randrange(0, 120)))
    for qt in (False, True):
        for it in (False, True):
            for hd in (False, True):
                e = binascii.b2a_qp(raw, qt, it, hd)
                out.append(e)
                out.append(binascii.a2b_qp(e, hd))
    q = bytes(r.choice(b'=AF0a_\r\n x') for _ in range(r.randrange(0, 20)))
    out.append(binascii.a2b_qp(q))
    out.append(binascii.a2b_qp(q, True))
    u = bytes(r.choice(b' !"#$%&`abc\n') for _ in range(r.randrange(0, 10)))
    try:
        out.append(binascii.a2b_uu(u))
    except binascii.Error as e:
        out.append(str(e))
print(len(out))
import hashlib
print(hashlib.sha256(repr(out).encode()).hexdigest())
for i in range(0, len(out), 97):
    print(out[i])
