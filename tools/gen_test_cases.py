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


def main():
    os.makedirs(DATA, exist_ok=True)
    which = sys.argv[1:] or ["unicode"]
    for w in which:
        globals()[w + "_cases"]()


if __name__ == "__main__":
    main()
