#!/usr/bin/python3.11
"""Records, with the reference /usr/bin/python3.11, the cases the C++ unit
tests of src/support/unicode, float_repr, ast_repr and literals check.

    /usr/bin/python3.11 tools/gen_test_cases.py

Writes tests/unit/data/*.txt: one case a line, tab-separated fields; text
that may hold anything is written as the hex of its UTF-8 (lone surrogates
as 3-byte sequences, Python's 'surrogatepass'). The random cases use fixed
seeds so that rerunning the script gives the same files.
"""
import os
import random
import sys
import unicodedata

assert sys.version_info[:2] == (3, 11), sys.version
ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DATA = os.path.join(ROOT, "tests", "unit", "data")
MAX = 0x110000


def hexs(s: str) -> str:
    """Hex of the UTF-8 of s (surrogates allowed); '-' for the empty string."""
    return s.encode("utf-8", "surrogatepass").hex() or "-"


def hexb(b: bytes) -> str:
    return b.hex() or "-"


def write(name, lines):
    with open(os.path.join(DATA, name), "w", encoding="ascii") as f:
        f.write("\n".join(lines) + "\n")


def ranges(pred):
    out = []
    start = None
    for c in range(MAX + 1):
        ok = c < MAX and pred(c)
        if ok and start is None:
            start = c
        elif not ok and start is not None:
            out.append((start, c - 1))
            start = None
    return out


# ---------------------------------------------------------------- unicode
def unicode_cases():
    lines = []
    props = {
        "xid_start": lambda c: chr(c).isidentifier() and c != 0x5F,
        "xid_continue": lambda c: ("a" + chr(c)).isidentifier(),
        "printable": lambda c: chr(c).isprintable(),
    }
    for name, pred in props.items():
        for a, b in ranges(pred):
            lines.append("%s\t%x\t%x" % (name, a, b))

    rng = random.Random(3131)
    # NFKC: every character that NFKC changes, alone, then random mixtures
    # of letters, combining marks, Hangul jamo and compatibility characters.
    changed = [c for c in range(MAX) if unicodedata.normalize("NFKC", chr(c)) != chr(c)]
    for c in changed:
        lines.append("nfkc\t%s\t%s" % (hexs(chr(c)), hexs(unicodedata.normalize("NFKC", chr(c)))))
    marks = [c for c in range(MAX) if unicodedata.combining(chr(c))]
    pool = (list(range(0x41, 0x7B)) + marks + list(range(0x1100, 0x1200)) + list(range(0xAC00, 0xAC40)) +
            changed + list(range(0xC0, 0x250)) + list(range(0x3040, 0x30FF)))
    for _ in range(4000):
        s = "".join(chr(rng.choice(pool)) for _ in range(rng.randint(1, 8)))
        lines.append("nfkc\t%s\t%s" % (hexs(s), hexs(unicodedata.normalize("NFKC", s))))

    # Names: a sample of every kind, and mangled forms, with what \N gives.
    def n_escape(name):
        try:
            v = eval(compile('"\\N{%s}"' % name, "<case>", "eval"))
        except SyntaxError:
            return None
        return v

    queries = set()
    for c in range(MAX):
        n = unicodedata.name(chr(c), None)
        if n is None:
            continue
        if n.startswith("CJK UNIFIED") or 0xAC00 <= c <= 0xD7A3:
            if rng.random() < 0.02:
                queries.add(n)
                queries.add(n.lower())
                queries.add(n[:-1] + n[-1].lower())
        elif rng.random() < 0.06:
            queries.add(n)
            if rng.random() < 0.2:
                queries.add(n.lower())
                queries.add(n.title())
                queries.add(n + " ")
                queries.add(" " + n)
                queries.add(n.replace(" ", "  ", 1))
                queries.add(n[:-1])
    aliases = "/usr/share/unicode/NameAliases.txt"
    if os.path.exists(aliases):
        with open(aliases, encoding="utf-8") as f:
            for line in f:
                line = line.split("#")[0].strip()
                if line:
                    queries.add(line.split(";")[1])
                    queries.add(line.split(";")[1].lower())
    queries.update([
        "CJK UNIFIED IDEOGRAPH-04E00", "CJK UNIFIED IDEOGRAPH-004E00", "CJK UNIFIED IDEOGRAPH-4E0",
        "CJK UNIFIED IDEOGRAPH-", "CJK UNIFIED IDEOGRAPH-3134A", "CJK UNIFIED IDEOGRAPH-3134B",
        "CJK UNIFIED IDEOGRAPH-2A6DF", "CJK UNIFIED IDEOGRAPH-2A6E0", "CJK UNIFIED IDEOGRAPH-9FFF",
        "HANGUL SYLLABLE ", "HANGUL SYLLABLE", "HANGUL SYLLABLE G", "HANGUL SYLLABLE GAGG",
        "HANGUL SYLLABLE GAGGG", "HANGUL SYLLABLE A", "HANGUL SYLLABLE AG", "HANGUL SYLLABLE SSYAENG",
        "HANGUL SYLLABLE X", "TANGUT IDEOGRAPH-17000", "LATIN CAPITAL LETTER A WITH MACRON AND GRAVE",
        "BYTE ORDER MARK", "LF", "lf", "NEL", "ZWJ", "VS256", "SPACE", "", " ", "A", "LATIN",
        "U+0041",
    ])
    for l in ["", "G", "GG", "N", "D", "S", "SS", "J", "JJ", "C", "K", "T", "P", "H", "X"]:
        for v in ["A", "AE", "YA", "WEO", "WE", "EU", "YI", "I", "", "Q"]:
            for t in ["", "G", "GS", "LG", "LH", "NG", "BS", "SS", "Z"]:
                queries.add("HANGUL SYLLABLE " + l + v + t)
    for q in sorted(queries):
        if "}" in q or "\\" in q or '"' in q or "\n" in q:
            continue
        v = n_escape(q)
        # Queries are printable ASCII without tabs: written as they are.
        lines.append("name\t%s\t%s" % (q, "%x" % ord(v) if v is not None else "-"))
    write("unicode_cases.txt", lines)


# ---------------------------------------------------------------- reprs
def random_string(rng):
    """A string mixing every kind of character repr treats differently."""
    kinds = [
        lambda: chr(rng.randint(0x20, 0x7E)),
        lambda: rng.choice("'\"\\\t\n\r\x00\x7f\x1b"),
        lambda: chr(rng.randint(0, 0x1F)),
        lambda: chr(rng.randint(0x80, 0xFF)),
        lambda: chr(rng.randint(0x100, 0xFFFF)),
        lambda: chr(rng.randint(0xD800, 0xDFFF)),  # lone surrogates
        lambda: chr(rng.randint(0x10000, 0x10FFFF)),
        lambda: chr(rng.randint(0x10000, 0x3FFFF)),
        lambda: chr(rng.choice([0xA0, 0xAD, 0x2028, 0x200B, 0xFEFF, 0xE000, 0xFFFF, 0x10FFFF, 0x1F600, 0x3000])),
    ]
    return "".join(rng.choice(kinds)() for _ in range(rng.randint(0, 12)))


def double_bits(x: float) -> str:
    import struct
    return "%016x" % struct.unpack("<Q", struct.pack("<d", x))[0]


def random_double(rng):
    import struct
    kind = rng.randrange(8)
    if kind == 0:  # any bit pattern (NaNs, infinities, subnormals included)
        return struct.unpack("<d", rng.getrandbits(64).to_bytes(8, "little"))[0]
    if kind == 1:  # subnormals
        return struct.unpack("<d", rng.getrandbits(52).to_bytes(8, "little"))[0]
    if kind == 2:  # near the positional/exponent boundaries
        return float("%de%d" % (rng.randint(1, 99999), rng.randint(-10, 20)))
    if kind == 3:  # integers
        return float(rng.randint(0, 10 ** rng.randint(1, 25)))
    if kind == 4:  # short decimals
        return round(rng.uniform(-1000, 1000), rng.randint(0, 6))
    if kind == 5:  # huge and tiny exponents
        return float("%d.%de%d" % (rng.randint(1, 9), rng.randint(0, 10 ** 8), rng.randint(-330, 310)))
    if kind == 6:
        return rng.choice([0.0, -0.0, 1e16, 1e15, 9999999999999998.0, 1e-4, 1e-5, 0.0001, 0.00001, 5e-324,
                           1.7976931348623157e308, 2.2250738585072014e-308, 0.1, 0.3, 1 / 3, 123.0, 1e22, 1e23,
                           float("inf"), float("-inf"), float("nan")])
    return rng.uniform(0, 1) * 10 ** rng.randint(-20, 20)


def repr_cases():
    rng = random.Random(1911)
    lines = []
    for _ in range(3000):
        s = random_string(rng)
        lines.append("str\t%s\t%s" % (hexs(s), hexs(repr(s))))
    for _ in range(1000):
        b = bytes(rng.choice([rng.randint(0, 255), rng.choice(b"'\"\\\t\n\r"), rng.randint(0x20, 0x7e)])
                  for _ in range(rng.randint(0, 12)))
        lines.append("bytes\t%s\t%s" % (hexb(b), hexs(repr(b))))
    for _ in range(6000):
        x = random_double(rng)
        lines.append("float\t%s\t%s" % (double_bits(x), repr(x)))
        x = abs(x) if rng.random() < 0.9 else x
        lines.append("imag\t%s\t%s" % (double_bits(x), repr(complex(0.0, x))))
    # Ints of every size written in every base, as a BigInt keeps them.
    fmt = {2: "b", 8: "o", 10: "d", 16: "x"}
    sizes = [1, 8, 40, 62, 63, 64, 65, 100, 300, 1000, 3000] * 100 + [14283] * 4
    for size in sizes:
        n = rng.getrandbits(size)
        base = rng.choice([2, 8, 10, 16])
        digits = format(n, fmt[base])
        if rng.random() < 0.3 and base == 16:
            digits = digits.upper()
        if len(str(n)) > 4300:
            continue  # CPython refuses to print these (tested separately)
        lines.append("int\t%d\t%s\t%d\t%d" % (base, digits, n, len(str(n))))
    write("repr_cases.txt", lines)


def main():
    os.makedirs(DATA, exist_ok=True)
    which = sys.argv[1:] or ["unicode"]
    for w in which:
        globals()[w + "_cases"]()


if __name__ == "__main__":
    main()
