x = b'abc\x4'
