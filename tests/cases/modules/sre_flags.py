# IGNORECASE (ASCII and Unicode, case-fix sets), MULTILINE, DOTALL, VERBOSE, ASCII, re.error messages.
import re

def show(pattern, text, flags=0):
    m = re.search(pattern, text, flags)
    print(repr(pattern), repr(text), m and (m.span(), m.group()))

show("hello", "HELLO", re.I)
show("[a-z]+", "ABCdef", re.I)
show("[A-Z]+", "xyzXYZ", re.I)
show("\u00e9", "\u00c9", re.I)
show("[\u00e0-\u00ff]+", "\u00c0\u00c9\u00ff", re.I)
show("\u03c3", "\u03a3", re.I)
show("\u03c3", "\u03c2", re.I)
show("[\u03c3]", "\u03c2", re.I)
show("s", "\u017f", re.I)
show("s", "\u017f", re.I | re.A)
show("k", "\u212a", re.I)
show("[k-m]+", "\u212aLm", re.I)
show("i", "\u0130", re.I)
show("\u00df", "\u1e9e", re.I)
show(r"(a)\1", "aA", re.I)
show(r"(\u00e9)\1", "\u00e9\u00c9", re.I)
show(r"[^a]", "A", re.I)
show(r"[^a]+", "AbC", re.I)
show("a", "A", re.I | re.A)
show(r"\w+", "\u00e9t\u00e9", re.A)
show(r"\W", "\u00e9", re.A)
show(r"(?i:ab)c", "ABc")
show(r"(?i:ab)c", "ABC")
show(r"(?-i:a)b", "aB", re.I)
show("^b", "a\nb", re.M)
show("a$", "a\nb", re.M)
show("^", "", re.M)
show("a.b", "a\nb", re.S)
show("a.b", "a\nb")
show(r"""
    (\d+)   # number
    \s*     # space
    ([a-z]+)  # word
""", "  42   apples", re.X)
show(r"[\x00-\x7f]+", "ab\u00e9")
show(rb"(?i)\xe9", b"\xc9")
show(rb"(?i)[a-z]+", b"ABC")
show(rb"(?L)\w+", b"abc")
print(re.findall("(?i)[ǅ]", "ǄǅǆDž"))
print(re.findall("(?i)ǅ", "ǄǅǆDž"))
print(re.findall(r"(?i)\u1f80", "\u1f80\u1f88"))
for bad in ["(", ")", "[a", "a**", "(?P<1>a)", r"\1", "(?<=a+)b", "a{2,1}", "(?P<a>x)(?P<a>y)", r"\q",
            "(?z)", "[z-a]", "*", "(?P=nope)", "x{1,2}{3}", "(?i", "\\"]:
    try:
        re.compile(bad)
        print("compiled", bad)
    except re.error as e:
        print("re.error", repr(bad), e, e.pos)
try:
    re.sub("(a)", r"\2", "a")
except re.error as e:
    print("re.error", e)
print(re.I, re.M | re.S, re.compile("x", re.X).flags)
