s = "Hello, World! ÄÖÜ ß Σ ǆ İ"
print(s.upper(), s.lower(), s.casefold(), s.swapcase(), s.title(), s.capitalize(), sep="\n")
print("ΌΣΟΣ ΣΑΣ".lower(), "a  b\tc\n".split(), "a,b,,c".split(","), "a,b,,c".rsplit(",", 1))
print("  x  ".strip(), "xxhixx".strip("x"), "line1\nline2\r\nline3".splitlines(True))
print("abc".center(10, "*"), "abc".ljust(6, "-"), "abc".rjust(6), "-42".zfill(6), "a\tb".expandtabs(4))
print("hello".find("l"), "hello".rfind("l"), "hello".count("l"), "hello".replace("l", "L", 1), "abc".replace("", "-"))
print("abc".partition("b"), "abc".rpartition("x"), "prefix_body".removeprefix("prefix_"))
print("abc".translate(str.maketrans("ab", "xy", "c")), ",".join(["a", "b", "c"]))
print(repr("it's"), repr('say "hi"'), repr("both ' \""), repr("\x00\x7f\x80\u200b\U0001f600 é\t\n"))
print("{0}-{1}-{0}".format("a", "b"), "{name:>8}|{x:^7}|".format(name="n", x="mid"), "{:.2}".format("abcdef"))
print("%s %r %5d %-5x| %05.1f %c %%" % ("s", "r", 42, 255, 3.14159, 65), "%(a)s" % {"a": 1})
print("abc" * 3, "abc"[::-1], "abcdef"[1:5:2], "x" in "xyz", "abc" < "abd", "é" > "e")
print("ab12".isalnum(), "١٢".isdecimal(), "²".isdigit(), "½".isnumeric(), " \u3000".isspace(), "Ab Cd".istitle(), "_x1".isidentifier())
print(hash("abc"), hash(""), hash("é"), hash("€"), hash("😀"), hash(b"abc"), hash(("a", 1)), hash(()))
print("€".encode(), "é".encode("latin-1"), b"caf\xc3\xa9".decode(), "x\udc80".encode("utf-8", "surrogateescape"))
for bad in ["'a'.index('z')", "'{'.format()", "'%d' % 'x'", "'a' + 1", "'abc'[5]", "'€'.encode('ascii')"]:
    try:
        eval(bad)
    except Exception as e:
        print(type(e).__name__, e)
