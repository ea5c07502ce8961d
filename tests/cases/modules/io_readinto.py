# readinto/readinto1 of the _io types into bytearrays, and writes of bytearrays.
import _io
try:
    import posix
    PATH = "/tmp/krait_io_readinto_%d.bin" % posix.getpid()
except ImportError:
    posix = None
    PATH = "/tmp/krait_io_readinto.bin"

with _io.FileIO(PATH, "w") as f:
    print(f.write(bytearray(b"hello\nworld\n")))
with _io.FileIO(PATH) as f:
    b = bytearray(4)
    f.seek(1)
    print(f.readinto(b), b)
with _io.open(PATH, "rb") as r:
    ba = bytearray(5)
    r.seek(1)
    print(r.readinto(ba), ba)
    print(r.readinto1(ba), ba)
    big = bytearray(100)
    print(r.readinto(big), bytes(big[:3]))
bio = _io.BytesIO(b"line one")
ba = bytearray(3)
bio.seek(1)
print(bio.readinto(ba), ba, bio.write(bytearray(b"XY")), bio.getvalue())
br = _io.BufferedReader(_io.BytesIO(b"0123456789"), 4)
ba = bytearray(6)
print(br.readinto(ba), ba, br.readinto1(ba), ba)
if posix:
    posix.unlink(PATH)
