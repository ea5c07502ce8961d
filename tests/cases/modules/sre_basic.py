# re over krait's _sre: match/search/fullmatch, groups, spans, classes, anchors.
import re

def show(pattern, text, flags=0, how="search"):
    try:
        p = re.compile(pattern, flags)
        m = getattr(p, how)(text)
    except re.error as e:
        print("error", pattern, e)
        return
    if m is None:
        print(repr(pattern), repr(text), None)
    else:
        print(repr(pattern), repr(text), m.span(), m.group(), m.groups(), m.regs, m.lastindex, m.lastgroup)

cases = [
    ("abc", "xxabcxx"), ("a.c", "abc a\nc"), ("a.*c", "abcbcbc x"), ("a.*?c", "abcbcbc"),
    ("[a-z]+", "123abc456"), ("[^a-z]+", "abc123def"), (r"\d+", "ab 1234 cd"), (r"\D+", "12ab34"),
    (r"\w+", "  hello_world99 !"), (r"\W+", "ab, cd"), (r"\s+", "a \t\n b"), (r"\S+", "   xyz  "),
    (r"^abc", "abc"), (r"^abc", "xabc"), (r"abc$", "xxabc"), (r"abc$", "abc\n"), (r"abc\Z", "abc\n"),
    (r"\Aab", "ab"), (r"\bfoo\b", "a foo b"), (r"\bfoo\b", "afoob"), (r"\Boo\B", "afoob"),
    (r"(a)(b)(c)", "abc"), (r"(a)|(b)", "b"), (r"(a)?b", "b"), (r"(a*)*b", "aaab"), (r"(a|b)*c", "abababc"),
    (r"(?P<first>\w+) (?P<last>\w+)", "Jane Doe"), (r"(\w)\1", "abccd"), (r"(?P<x>a)(?P=x)", "aa"),
    (r"a{2,3}", "aaaa"), (r"a{2,3}?", "aaaa"), (r"a{3}", "aa"), (r"a{,2}", "aaa"), (r"(ab){2}", "ababab"),
    (r"x*", "aaa"), (r"(?=abc)", "xxabc"), (r"a(?=b)", "acab"), (r"a(?!b)", "abac"),
    (r"(?<=a)b", "cbab"), (r"(?<!a)b", "abcb"), (r"(?<=\d{3})x", "12x123x"),
    (r"(?i)hello", "HeLLo"), (r"[abc]+", "xxcabx"), (r"[\d\s]+", "a1 2 3b"), (r"[^\W\d]+", "12ab_c3"),
    (r"(a+)+b", "aaaaaaaaab"), (r"(?:a|ab)(?:c|bcd)(d*)", "abcd"), (r"(a|ab)(c|bcd)(d*)", "abcd"),
    (r"((a)|b)+", "ab"), (r"(a)|b", "b"), (r"(?:(a)|(b))+", "ab"), (r"(?:x(a)|y)*", "xay"),
    (r"(?>a+)b", "aaab"), (r"(?>a+)a", "aaaa"), (r"a++b", "aab"), (r"a*+a", "aaa"), (r"(?:ab)++c", "ababc"),
    (r"(?:ab)*+ab", "abab"), (r"a?+a", "a"), (r"(a)(?(1)b|c)", "ab"), (r"(a)?(?(1)b|c)", "c"),
    (r"\x41\u00e9\n", "A\u00e9\n"), (r"[\u0400-\u04ff]+", "abc\u0416\u0436z"), (r"caf\u00e9", "un caf\u00e9"),
    (r"\d+", "\u0661\u0662\u0663"), (r"(?a)\d+", "\u0661\u0662 12"), (r"\w+", "\u00e9t\u00e9"), (r"(?a)\w+", "\u00e9t\u00e9x"),
    (r"[\U0001F600-\U0001F64F]+", "hi \U0001F600\U0001F601!"), (r".", "\U0001F600"),
    (r"(?s)a.b", "a\nb"), (r"(?m)^b$", "a\nb\nc"), (r"(?x) a  b # comment\n c", "abc"),
    (r"a|b|c|d", "xxd"), (r"(?:foo|bar|baz)+", "barfoobazqux"), (r"(a*?)(a*)", "aaa"), (r"(a*)(a*?)$", "aaa"),
    (r"(.*?),(.*)", "a,b,c"), (r"<.*>", "<a><b>"), (r"<.*?>", "<a><b>"), (r"", "abc"), (r"$", "abc"),
    (r"(?:a|)*b", "aab"), (r"(a?)*?b", "aab"), (r"(a|b)*?c", "abc"), (r"(?:(?:a)*)*b", "ab"),
    (r"[-a]", "-"), (r"[a\-z]+", "a-z"), (r"[]a]", "]"), (r"[\]]+", "]]"), (r"\.", "a.b"),
]
for pat, text in cases:
    show(pat, text)
for pat, text in [("abc", "abc"), ("abc", "abcd"), ("a|ab", "ab"), ("(a*)", "aaa"), (r"a.*?", "abc"), ("", "")]:
    show(pat, text, how="fullmatch")
    show(pat, text, how="match")

p = re.compile(r"(\w+)@(\w+)\.com")
m = p.search("mail bob@example.com now")
print(m.group(0, 1, 2), m.start(1), m.end(2), m.span(2), m[1], m["0" if False else 2])
print(m.string, m.pos, m.endpos, m.re is p, repr(m))
print(p.match("xx bob@ex.com", 3), p.match("xx bob@ex.com", 3, 8))
print(p.search("a@b.com", 1), p.groups, p.groupindex, p.pattern, p.flags)
n = re.match(r"(?P<a>x)(?P<b>y)?", "x")
print(n.groupdict(), n.groupdict("-"), n.groups("-"), n.lastgroup, n.group("a", "b"))
try:
    n.group(5)
except IndexError as e:
    print("IndexError", e)
try:
    n.group("nope")
except IndexError as e:
    print("IndexError", e)
print(re.compile("").match("abc", 2, 1))
print(re.compile("a").match("abc", -5, 100).endpos)
print(repr(re.compile("a", re.I | re.M)), repr(re.compile(b"a", re.I)), repr(re.compile("x" * 300))[-20:])
print(re.compile("a") == re.compile("a"), re.compile("a") == re.compile("a", re.I), hash(re.compile("q")) == hash(re.compile("q")))
print(repr(re.match("a" * 100, "a" * 100)))
