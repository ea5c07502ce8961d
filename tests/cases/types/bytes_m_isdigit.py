# bytes.isdigit on assorted values and arguments; each line: value, arguments, result or exception
SAMPLES = [b'', b'a', b'Hello World', b'  padded  ', b'\xff\x00\x7f', b'a,b,,c', b'tab\there', b'l1\nl2\r\nl3', b'12', b'UPPER lower']
ARGS = [()]
for s in SAMPLES:
    for a in ARGS:
        try:
            r = repr(s.isdigit(*a))
        except Exception as e:
            r = type(e).__name__ + ': ' + str(e)
        print(repr(s), a, r)
