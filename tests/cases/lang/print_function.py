# print's sep, end, file and flush arguments.
import sys
print("a", "b", "c")
print("a", "b", sep="")
print("a", "b", sep=", ", end=".\n")
print("no newline", end="")
print(" -- continued")
print()
print(sep="x")
print(1, 2, 3, sep=None, end=None)
print("to stderr", file=sys.stderr)
print("flushed", flush=True)
print(*range(5), sep="|")
try:
    print("x", sep=5)
except TypeError as e:
    print("TypeError:", e)
try:
    print("x", badkw=1)
except TypeError as e:
    print("TypeError:", e)
class W:
    def write(self, s): sys.stdout.write(s.upper())
print("custom file object", file=W())
