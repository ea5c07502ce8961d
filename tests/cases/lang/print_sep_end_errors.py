# print's sep/end/file/flush keywords, including None and bad types.
print(*[1, 2], sep="-", end="!\n")
print(1, 2, sep=None, end=None)
print("a", "b", sep="")
print()
import sys
print("to stdout", file=sys.stdout, flush=True)
print("to None file", file=None)
for kw in [{"sep": 5}, {"end": b"x"}, {"file": 5}, {"bogus": 1}]:
    try:
        print("x", **kw)
    except (TypeError, AttributeError) as e:
        print(type(e).__name__ + ":", e)
