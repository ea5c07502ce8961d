# Implicit literal concatenation and mixing errors.
s = "abc" 'def' """ghi"""
print(s, len(s))
b = b"ab" b'cd'
print(b, len(b))
r = r"\n" "\n" f"{1+1}"
print(repr(r))
long = ("line one, "
        "line two, "
        f"line {3}")
print(long)
for src in ['x = "a" b"b"', 'x = b"a" "b"', 'x = b"a" f"b"']:
    try:
        compile(src, "<s>", "exec")
    except SyntaxError as e:
        print("SyntaxError:", e.msg)
try:
    "a" + b"b"
except TypeError as e:
    print("TypeError:", e)
try:
    b"a" + "b"
except TypeError as e:
    print("TypeError:", e)
print("ab" * 3, b"x" * 2, 3 * "z", "" * 100 == "")
print(u"unicode" "prefix", rb"raw\bytes", Rb"\d")
