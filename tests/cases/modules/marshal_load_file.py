# marshal.dump and marshal.load through a file object: dump writes the whole dumps with one
# write() and returns its result; load reads exactly one object with readinto().
import marshal

class File:
    def __init__(self, data=b""):
        self.data = data
        self.calls = []
    def write(self, b):
        self.calls.append(("write", b))
        self.data += b
        return len(b)
    def read(self, n):
        self.calls.append(("read", n))
        r, self.data = self.data[:n], self.data[n:]
        return r
    def readinto(self, buf):
        n = min(len(buf), len(self.data))
        self.calls.append(("readinto", len(buf)))
        buf[:n] = self.data[:n]
        self.data = self.data[n:]
        return n

f = File()
print(marshal.dump([1, "a", (2.5,)], f), marshal.dump({"k": None}, f, 2), f.calls)
f.calls = []
print(marshal.load(f), marshal.load(f), f.calls)
try:
    marshal.load(f)
except EOFError as e:
    print("EOFError", e)
