#!/usr/bin/python3.11
"""Records, with the reference /usr/bin/python3.11, the cases the C++ unit
tests of src/support/unicode, float_repr, ast_repr and literals check.

    /usr/bin/python3.11 tools/gen_test_cases.py [unicode] [repr] [literals]

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


# ---------------------------------------------------------------- literals
def random_number(rng):
    """A NUMBER token of any form the tokenizer accepts."""
    def digits(alphabet, n):
        out = rng.choice(alphabet[1:]) + "".join(rng.choice(alphabet) for _ in range(n - 1))
        if rng.random() < 0.2 and len(out) > 1:  # single underscores between digits
            i = rng.randint(1, len(out) - 1)
            out = out[:i] + "_" + out[i:]
        return out
    dec = "0123456789"
    n = rng.choice([1, 2, 5, 15, 18, 19, 20, 25, 40, 100, 400])
    kind = rng.randrange(9)
    if kind == 0:
        return digits(dec, n)
    if kind == 1:
        return rng.choice(["0x", "0X"]) + digits("0123456789abcdefABCDEF", max(1, n * 5 // 6))
    if kind == 2:
        return rng.choice(["0o", "0O"]) + digits("01234567", n)
    if kind == 3:
        return rng.choice(["0b", "0B"]) + digits("01", n * 3)
    if kind == 4:
        return rng.choice(["0", "00", "0_0", "0x0", "0o0", "0b0", "0x_f", "0b_1", "0o_7", "9223372036854775807",
                           "9223372036854775808", "0x7fffffffffffffff", "0x8000000000000000", "1_000_000"])
    if kind == 5:  # floats with a point
        return rng.choice([digits(dec, n) + "." + digits(dec, rng.randint(1, 20)), digits(dec, n) + ".",
                           "." + digits(dec, rng.randint(1, 30)), "0." + "0" * rng.randint(0, 400) + digits(dec, 3)])
    if kind == 6:  # exponents, huge and tiny
        mant = rng.choice([digits(dec, rng.randint(1, 20)), digits(dec, 3) + "." + digits(dec, 5), "." + digits(dec, 4),
                           digits(dec, 2) + "."])
        exp = rng.choice(["e", "E"]) + rng.choice(["", "+", "-"]) + str(rng.choice([0, 1, 5, 16, 22, 300, 308, 309, 323,
                                                                                       324, 330, 400, 99999]))
        return mant + exp
    if kind == 7:  # imaginary
        return rng.choice([digits(dec, n), digits(dec, 3) + "." + digits(dec, 4), "1e" + str(rng.randint(-400, 400)),
                           "0", "00"]) + rng.choice("jJ")
    return rng.choice(["1e999", "1e-999", "2.2250738585072011e-308", "4.9406564584124654e-324",
                       "2.4703282292062328e-324", "2.4703282292062327e-324", "1.7976931348623158e308",
                       "1.7976931348623159e308", "0.1e-330", "0e999", "0.0", "00.5", "1_0.2_5e1_0",
                       "9007199254740993", "9007199254740993.0", "123456789012345678901234567890e-40"])


def number_record(text):
    import ast
    try:
        tree = ast.parse(text, mode="eval")
    except SyntaxError as e:
        return None, e.msg
    v = tree.body.value
    if isinstance(v, complex):
        return "complex\t" + double_bits(v.imag), None
    if isinstance(v, float):
        return "float\t" + double_bits(v), None
    assert isinstance(v, int)
    # The value is printed in full even past the 4300-digit limit on str().
    limit = sys.get_int_max_str_digits()
    sys.set_int_max_str_digits(0)
    try:
        return ("int" if v < 2 ** 63 else "bigint") + "\t" + str(v), None
    finally:
        sys.set_int_max_str_digits(limit)


NAMES = ["LATIN SMALL LETTER A", "latin small letter a", "SNOWMAN", "LF", "BYTE ORDER MARK", "CJK UNIFIED IDEOGRAPH-4E00",
         "HANGUL SYLLABLE GAG", "GRINNING FACE", "EM DASH"]


def random_body(rng, ascii_only):
    """The text between the quotes of a one-line \" string literal."""
    pieces = []
    for _ in range(rng.randint(0, 8)):
        k = rng.randrange(20)
        if k < 5:
            pieces.append("".join(chr(rng.randint(0x20, 0x7E)) for _ in range(rng.randint(1, 4)))
                          .replace("\\", "/").replace('"', "'"))
        elif k == 5 and not ascii_only:
            pieces.append(chr(rng.choice([0xE9, 0x20AC, 0x3042, 0x1F600, 0x10348, 0xA0, 0x2028])))
        elif k == 6:
            pieces.append("\\" + rng.choice("\\'\"abfnrtv\n"))
        elif k == 7:
            pieces.append("\\" + "".join(rng.choice("01234567") for _ in range(rng.randint(1, 4))) +
                          rng.choice(["", "8", "9"]))
        elif k == 8:
            pieces.append("\\x" + "".join(rng.choice("0123456789abcdefABCDEF") for _ in range(rng.choice([2, 2, 2, 1, 0])))
                          + rng.choice(["", "g", "0", "z"]))
        elif k == 9:
            pieces.append("\\u" + "".join(rng.choice("0123456789abcdefABCDEF") for _ in range(rng.choice([4, 4, 4, 3, 0]))))
        elif k == 10:
            hexd = rng.choice(["%08x" % rng.randint(0, 0x10FFFF), "%08X" % rng.randint(0, 0x10FFFF), "0000d800",
                               "%08x" % rng.randint(0x110000, 0xFFFFFFFF), "0001f60", "00"])
            pieces.append("\\U" + hexd)
        elif k == 11:
            pieces.append(rng.choice(["\\N{%s}" % rng.choice(NAMES), "\\N{%s}" % rng.choice(NAMES),
                                      "\\N{NOT A NAME}", "\\N{}", "\\N", "\\Nx", "\\N{" + chr(0xE9) + "}",
                                      "\\N{ LF}"]))
        elif k == 12:
            pieces.append("\\" + rng.choice("cdegz8AZ!*[ ") )
        elif k == 13 and not ascii_only:
            pieces.append("\\" + chr(rng.choice([0xE9, 0x1F600])))
        elif k == 14:
            pieces.append("\\\\")
        elif k == 15:
            pieces.append("\\\n")
        else:
            pieces.append(rng.choice(["abc", "x", " ", "{", "}", "\t"]))
    body = "".join(pieces)
    if rng.random() < 0.05:
        body += rng.choice(["\\N{LATIN", "\\N{"])  # unterminated name at the end
    return body


def literal_record(prefix, body):
    import warnings
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        try:
            value = eval(compile(prefix + '"' + body + '"', "<case>", "eval"))
        except SyntaxError as e:
            return "error\t" + hexs(e.msg)
    warning = "-"
    for w in caught:
        warning = hexs(str(w.message))
        break
    data = hexb(value) if isinstance(value, bytes) else hexs(value)
    return "ok\t%s\t%s" % (data, warning)


def literals_cases():
    rng = random.Random(2023)
    lines = []
    seen = set()
    for _ in range(4000):
        text = random_number(rng)
        if text in seen:
            continue
        seen.add(text)
        record, error = number_record(text)
        if record is None:
            # Only the decimal digit limit may refuse a generated literal.
            assert error.startswith("Exceeds the limit"), (text, error)
            lines.append("numerror\t%s\t%s" % (text, hexs(error)))
        else:
            lines.append("number\t%s\t%s" % (text, record))
    for text in ["1" * 4300, "1" * 4301, "1_" * 4300 + "1", "0" * 5000, "1" * 5000 + ".0", "1" * 5000 + "j",
                 "0x" + "f" * 5000]:
        _, error = number_record(text)
        lines.append("numerror\t%s\t%s" % (text, hexs(error) if error else "-"))
    for _ in range(6000):
        prefix = rng.choice(["", "", "", "b", "r", "rb", "u", "R", "Br"])
        ascii_only = "b" in prefix.lower() and rng.random() < 0.9
        body = random_body(rng, ascii_only)
        lines.append("string\t%s\t%s\t%s" % (prefix or "-", hexs(body), literal_record(prefix, body)))
    write("literal_cases.txt", lines)


def main():
    os.makedirs(DATA, exist_ok=True)
    which = sys.argv[1:] or ["unicode", "repr", "literals"]
    for w in which:
        globals()[w + "_cases"]()


if __name__ == "__main__":
    main()
