# String operations that programs use constantly: indexing, slicing, in, join, split, errors.
s = "Hello, World"
print(s[0], s[-1], s[7:], s.lower(), s.upper(), s.swapcase(), len(s))
print(s.split(", "), s.find("o"), s.rfind("o"), s.index("W"), s.count("l"))
print(s.startswith("Hell"), s.endswith(("x", "ld")), s.replace("l", "L", 2))
print("|".join(["a", "b"]), "  pad  ".strip(), "x".ljust(3, ".") + "|", "7".zfill(3))
print("a,b,,c".split(","), "a b  c".split(), "line1\nline2\r\nline3".splitlines())
print(s * 2 if len(s) < 5 else s[:5] * 2, "abc" < "abd", "Z" < "a", ord("A"), chr(97))
try:
    s[100]
except IndexError as e:
    print("IndexError:", e)
try:
    s[0] = "h"
except TypeError as e:
    print("TypeError:", e)
try:
    "".join([1, 2])
except TypeError as e:
    print("TypeError:", e)
try:
    s.index("zzz")
except ValueError as e:
    print("ValueError:", e)
print(str(123) + "4", int("12") + 3, "%d items" % 5)
