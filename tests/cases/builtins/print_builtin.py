import sys
print()
print(1, "a", None, 2.5, [1], sep="")
print(1, 2, 3, sep=", ", end=" <end>\n")
print("no newline", end="")
print(" continued")
print(*range(5), sep="-")
print("to stderr", file=sys.stderr)
print("flushed", flush=True)
print(sep=None, end=None)
print("a", "b", sep=None, end=None)
print("x", file=None)
class W:
    def __init__(self):
        self.parts = []
    def write(self, s):
        self.parts.append(s)
w = W()
print("into", "object", sep="|", file=w)
print(w.parts)
for bad in [dict(sep=1), dict(end=[]), dict(file=1), dict(foo=1)]:
    try:
        print("x", **bad)
    except (TypeError, AttributeError) as e:
        print(type(e).__name__, e)
print("é ü 日本 😀 \t tab")
sys.stdout.write("direct write\n")
print(repr(sys.stdout.write("")), sys.stdout.encoding, sys.stderr.encoding)
