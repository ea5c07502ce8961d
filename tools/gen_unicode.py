#!/usr/bin/python3.11
"""Generates src/support/unicode_data.inc, the Unicode 14.0.0 tables of krait.

Run with /usr/bin/python3.11: its unicodedata is Unicode 14.0.0, CPython 3.11's
version, and every property is taken from it (so krait agrees with the
reference on each code point). The only outside input is the list of name
aliases, which unicodedata cannot enumerate: it is read from Debian's
unicode-data package (/usr/share/unicode/NameAliases.txt, any version) and
each alias is kept only if this Python's unicodedata.lookup() accepts it for
the same single character, which gives exactly Python 3.11's set.

    /usr/bin/python3.11 tools/gen_unicode.py [src/support/unicode_data.inc]

The output is committed; the build does not run this script. Tables are
two-level (an index of blocks, then deduplicated blocks) and everything big
is a string literal of packed bytes, which compiles much faster than arrays.
"""
import os
import sys
import unicodedata

assert unicodedata.unidata_version == "14.0.0", unicodedata.unidata_version

MAX = 0x110000
SHIFT = 7  # block size 128 for the two-level tables
ALIASES = "/usr/share/unicode/NameAliases.txt"

HANGUL_FIRST, HANGUL_LAST = 0xAC00, 0xD7A3


def c_string(data: bytes, name: str) -> str:
    """A `static const char name[]` literal holding `data`, split in lines."""
    lines = []
    for i in range(0, len(data), 64):
        chunk = data[i:i + 64]
        # An octal escape stops after three digits, or earlier at a non-octal
        # character: the short form is used only where no octal digit follows.
        text = []
        for j, b in enumerate(chunk):
            nxt = chunk[j + 1] if j + 1 < len(chunk) else 0
            if 0x20 <= b < 0x7F and chr(b) not in '"\\?':
                text.append(chr(b))
            elif not 0x30 <= nxt <= 0x37:
                text.append("\\%o" % b)  # shortest octal: no digit follows
            else:
                text.append("\\%03o" % b)
        lines.append('"' + "".join(text) + '"')
    if not lines:
        lines.append('""')
    return "static const char %s[] =\n%s;\n" % (name, "\n".join(lines))


def two_level(values, width, name):
    """Index (2 bytes LE a block) + deduplicated blocks (`width` bytes LE a value)."""
    size = 1 << SHIFT
    blocks = {}
    order = []
    index = bytearray()
    for start in range(0, MAX, size):
        block = tuple(values[start:start + size])
        if block not in blocks:
            blocks[block] = len(order)
            order.append(block)
        index += blocks[block].to_bytes(2, "little")
    data = bytearray()
    for block in order:
        for v in block:
            data += v.to_bytes(width, "little")
    assert len(order) < 65536
    return c_string(bytes(index), name + "Index") + c_string(bytes(data), name + "Data")


def u24(v):
    return v.to_bytes(3, "little")


def fnv1a(data: bytes) -> int:
    h = 0x811C9DC5
    for b in data:
        h = ((h ^ b) * 0x01000193) & 0xFFFFFFFF
    return h


def properties():
    """Bit 1: XID_Start, 2: XID_Continue, 4: printable (as str methods see them)."""
    values = [0] * MAX
    for c in range(MAX):
        ch = chr(c)
        v = 0
        # isidentifier() accepts '_' as a first character besides XID_Start.
        if ch.isidentifier() and ch != "_":
            v |= 1
        if ("a" + ch).isidentifier():
            v |= 2
        if ch.isprintable():
            v |= 4
        values[c] = v
    return two_level(values, 1, "kProp")


def normalization():
    out = []
    ccc = [unicodedata.combining(chr(c)) for c in range(MAX)]
    out.append(two_level(ccc, 1, "kCcc"))

    # Full compatibility decomposition of each character (NFKD of it alone:
    # recursive and canonically ordered). Hangul syllables are algorithmic.
    decomp_index = [0] * MAX
    entries = bytearray()  # per decomposition: offset (3 bytes), length (1 byte)
    data = bytearray()
    count = 0
    for c in range(MAX):
        if HANGUL_FIRST <= c <= HANGUL_LAST:
            continue
        d = unicodedata.normalize("NFKD", chr(c))
        if d == chr(c):
            continue
        count += 1
        decomp_index[c] = count
        entries += u24(len(data) // 3) + bytes([len(d)])
        for ch in d:
            data += u24(ord(ch))
    assert count < 65536
    out.append(two_level(decomp_index, 2, "kDecomp"))
    out.append(c_string(bytes(entries), "kDecompEntries"))
    out.append(c_string(bytes(data), "kDecompChars"))

    # Canonical composition pairs: characters whose canonical decomposition
    # is two characters and that NFC recomposes (this leaves out the
    # composition exclusions and non-starter decompositions).
    pairs = []
    for c in range(MAX):
        if HANGUL_FIRST <= c <= HANGUL_LAST:
            continue
        dec = unicodedata.decomposition(chr(c))
        if not dec or dec.startswith("<"):
            continue
        parts = [int(x, 16) for x in dec.split()]
        if len(parts) != 2:
            continue
        if unicodedata.normalize("NFC", chr(parts[0]) + chr(parts[1])) == chr(c):
            pairs.append((parts[0], parts[1], c))
    pairs.sort()
    packed = bytearray()
    for a, b, c in pairs:
        packed += u24(a) + u24(b) + u24(c)
    out.append(c_string(bytes(packed), "kCompPairs"))
    out.append("static constexpr size_t kCompPairCount = %d;\n" % len(pairs))
    return "".join(out)


def names():
    by_name = {}
    cjk_ranges = []
    for c in range(MAX):
        if HANGUL_FIRST <= c <= HANGUL_LAST:
            continue
        n = unicodedata.name(chr(c), None)
        if n is None:
            continue
        if n.startswith("CJK UNIFIED IDEOGRAPH-"):
            # Looked up algorithmically (and case-sensitively, like CPython).
            assert n == "CJK UNIFIED IDEOGRAPH-%04X" % c
            if cjk_ranges and cjk_ranges[-1][1] == c - 1:
                cjk_ranges[-1][1] = c
            else:
                cjk_ranges.append([c, c])
            continue
        by_name[n] = c
    aliases = 0
    with open(ALIASES, encoding="utf-8") as f:
        for line in f:
            line = line.split("#")[0].strip()
            if not line:
                continue
            cp, alias, _kind = line.split(";")
            c = int(cp, 16)
            try:
                found = unicodedata.lookup(alias)
            except KeyError:
                continue  # an alias newer than Unicode 14.0.0
            if found != chr(c):
                continue
            assert by_name.get(alias, c) == c
            if alias not in by_name:
                by_name[alias] = c
                aliases += 1
    assert aliases > 300, aliases

    # Names are compressed as sequences of word numbers: the 192 commonest
    # words take one byte, the others two.
    from collections import Counter
    words = Counter()
    for n in by_name:
        parts = n.split(" ")
        assert all(parts), n  # single spaces only, none at the ends
        words.update(parts)
    ranked = [w for w, _ in sorted(words.items(), key=lambda kv: (-kv[1], kv[0]))]
    word_no = {w: i for i, w in enumerate(ranked)}
    assert len(ranked) - 192 < 64 * 256

    def encode_word(i):
        return bytes([i]) if i < 192 else bytes([192 + ((i - 192) >> 8), (i - 192) & 0xFF])

    word_chars = bytearray()
    word_entries = bytearray()  # offset (3 bytes), length (1 byte)
    for w in ranked:
        word_entries += u24(len(word_chars)) + bytes([len(w)])
        word_chars += w.encode("ascii")
    word_slots = 1 << (len(ranked) * 4 // 3).bit_length()
    word_table = [0xFFFF] * word_slots
    for i, w in enumerate(ranked):
        h = fnv1a(w.encode("ascii")) & (word_slots - 1)
        while word_table[h] != 0xFFFF:
            h = (h + 1) & (word_slots - 1)
        word_table[h] = i

    name_data = bytearray()  # per name: length, encoded words, code point (3 bytes)
    name_slots = 1 << (len(by_name) * 4 // 3).bit_length()
    name_table = [0xFFFFFF] * name_slots
    for n, c in sorted(by_name.items()):
        key = b"".join(encode_word(word_no[w]) for w in n.split(" "))
        assert len(key) < 256
        h = fnv1a(key) & (name_slots - 1)
        while name_table[h] != 0xFFFFFF:
            h = (h + 1) & (name_slots - 1)
        name_table[h] = len(name_data)
        name_data += bytes([len(key)]) + key + u24(c)
    assert len(name_data) < 0xFFFFFF

    out = []
    out.append(c_string(bytes(word_chars), "kWordChars"))
    out.append(c_string(bytes(word_entries), "kWordEntries"))
    out.append(c_string(b"".join(v.to_bytes(2, "little") for v in word_table), "kWordTable"))
    out.append("static constexpr uint32_t kWordSlots = %d;\n" % word_slots)
    out.append(c_string(bytes(name_data), "kNameData"))
    out.append(c_string(b"".join(u24(v) for v in name_table), "kNameTable"))
    out.append("static constexpr uint32_t kNameSlots = %d;\n" % name_slots)
    out.append("static constexpr char32_t kCjkRanges[][2] = {\n%s};\n" % "".join(
        "    {0x%X, 0x%X},\n" % (a, b) for a, b in cjk_ranges))

    # Hangul syllable name parts, derived from the syllables' own names:
    # syllable(L, V, T) is named "HANGUL SYLLABLE " + L + V + T.
    def syl(l, v, t):
        return unicodedata.name(chr(HANGUL_FIRST + (l * 21 + v) * 28 + t))[len("HANGUL SYLLABLE "):]
    first_v = syl(0, 0, 0)[len(syl(0, 0, 0)) - 1:]  # "A"
    lead = [syl(l, 0, 0)[:-len(first_v)] for l in range(19)]
    ieung = lead.index("")
    vowel = [syl(ieung, v, 0) for v in range(21)]
    trail = [syl(ieung, 0, t)[len(vowel[0]):] for t in range(28)]
    for l in range(19):
        for v in range(21):
            for t in range(28):
                assert syl(l, v, t) == lead[l] + vowel[v] + trail[t]

    def str_array(name, items):
        return "static constexpr std::string_view %s[] = {%s};\n" % (
            name, ", ".join('"%s"' % s for s in items))
    out.append(str_array("kJamoLead", lead))
    out.append(str_array("kJamoVowel", vowel))
    out.append(str_array("kJamoTrail", trail))
    return "".join(out)


def main():
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    path = sys.argv[1] if len(sys.argv) > 1 else os.path.join(root, "src/support/unicode_data.inc")
    parts = [
        "// Generated by tools/gen_unicode.py from Python 3.11's unicodedata (Unicode %s).\n"
        "// Do not edit: rerun the generator.\n" % unicodedata.unidata_version,
        "static constexpr int kShift = %d;\n" % SHIFT,
        properties(),
        normalization(),
        names(),
    ]
    with open(path, "w", encoding="ascii") as f:
        f.write("".join(parts))


if __name__ == "__main__":
    main()
