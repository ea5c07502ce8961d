import base64
data = b'The quick brown fox \x00\xff\xfe jumps'
for enc, dec in [(base64.b64encode, base64.b64decode), (base64.urlsafe_b64encode, base64.urlsafe_b64decode),
                 (base64.b32encode, base64.b32decode), (base64.b16encode, base64.b16decode),
                 (base64.a85encode, base64.a85decode), (base64.b85encode, base64.b85decode),
                 (base64.standard_b64encode, base64.standard_b64decode), (base64.b32hexencode, base64.b32hexdecode)]:
    e = enc(data)
    print(enc.__name__, e, dec(e) == data)
print(base64.b64decode('aGk=', validate=True), base64.encodebytes(b'x' * 100), base64.decodebytes(b'eHh4\n'))
print(base64.a85encode(b'hello', adobe=True, wrapcol=10), base64.b64encode(b'\xfb\xff', altchars=b'-_'))
try:
    base64.b64decode(b'a!==', validate=True)
except Exception as e:
    print(type(e).__name__, e)
