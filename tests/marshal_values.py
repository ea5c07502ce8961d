#!/usr/bin/python3.11
"""krait's marshal.dumps of runtime values against CPython 3.11's, over a generated corpus.

    tests/marshal_values.py --krait build/krait           # compare with the recorded corpus
    tests/marshal_values.py --record                      # regenerate tests/data/marshal/values.jsonl.gz
    tests/marshal_values.py --krait build/krait --show 5  # print the first 5 differences in full

The corpus is made of random nested values (fixed seed): None/bools/Ellipsis, ints of every size,
floats, complex, strs (identifier-like, other ASCII, non-ASCII, long), bytes, tuples (literal and
built at run time), lists, dicts, sets, frozensets, objects shared inside a value, and small code
objects, each dumped with a random marshal version 0-4. Every value is written as Python source;
both interpreters evaluate the str `marshal.dumps(<source>, version)`, so the constants of the
source are alive while it is dumped, as a literal in a program is (the sharing rules are at the
top of src/modules/marshal/marshal_write.cpp). CPython's eval of a str, like a script, also keeps
every constant its parser made alive while the code runs (its AST arena): the items of constant
tuples and frozensets are held twice and flagged. krait does not hold them (the VM would have to
keep a reference to each constant of the code it runs from source); the values that differ for
that reason are counted apart, as "arena", and do not fail the check. The expected bytes are recorded
from /usr/bin/python3.11 into a gzip'd JSON-lines file; --record rewrites it.

Prints `N of M values byte-identical` and the differences by kind; exits 1 when a value loads
differently (or fails), or when fewer values than --min-identical are byte-identical.
"""
import argparse
import gzip
import json
import os
import random
import re
import subprocess
import sys
import tempfile

CPYTHON = "/usr/bin/python3.11"
HERE = os.path.dirname(os.path.abspath(__file__))
DATA = os.path.join(HERE, "data", "marshal", "values.jsonl.gz")
SEED = 20240611
COUNT = 3000
# Byte-identical values when the corpus was recorded (the rest differ by CPython's AST arena and
# constant sharing, which krait's VM does not model yet): a lower count is a regression.
MIN_IDENTICAL = 2770

# --- the generator ---------------------------------------------------------------------------

IDENTS = ["a", "b", "x", "name", "value", "_", "_private", "Camel", "x1", "abc_def", "", "k"]
OTHER_STRS = ["a b", "hello world", "1x", "-", "*", "a.b", "?", " ", "\t", "x" * 300, "y" * 255,
              "z" * 256, "é", "€", "日本", "\U0001f600", "mixé", "\x00", "ÿ"]


def gen_int(r):
    kind = r.randrange(6)
    if kind == 0:
        return r.randint(-5, 256)
    if kind == 1:
        return r.randint(-2**31, 2**31 - 1)
    if kind == 2:
        return r.choice([2**31 - 1, -2**31, 2**31, -2**31 - 1, 2**15, 2**30, 2**45, 2**47 - 1, -2**47])
    if kind == 3:
        return r.randint(-2**46, 2**46)
    if kind == 4:
        return r.choice([1, -1]) * r.randint(2**47, 2**64)
    return r.choice([1, -1]) * r.randint(2**64, 2**300)


def gen_float(r):
    kind = r.randrange(4)
    if kind == 0:
        return repr(r.choice([0.0, -0.0, 1.0, 0.5, 1.5, -2.25, 0.1, 1e22, 1e-300, 5e-324, 1.7976931348623157e308]))
    if kind == 1:
        return r.choice(["1e999", "-1e999"])
    if kind == 2:
        return repr(r.uniform(-1e6, 1e6))
    return repr(r.random())


def gen_str(r):
    if r.random() < 0.5:
        s = r.choice(IDENTS)
        if r.random() < 0.3:
            s += str(r.randrange(100))
        return s
    s = r.choice(OTHER_STRS)
    if r.random() < 0.3:
        s += "".join(r.choice("ab é") for _ in range(r.randrange(5)))
    return s


def gen_bytes(r):
    n = r.choice([0, 1, 1, 2, 3, 10, 40])
    if r.random() < 0.05:
        return b"\x00\xff" * 150
    return bytes(r.choice(b"\x00\x01abz\xfe\xff") for _ in range(n))


def gen_atom(r):
    kind = r.randrange(10)
    if kind == 0:
        return r.choice(["None", "True", "False", "...", "StopIteration"])
    if kind in (1, 2):
        return repr(gen_int(r))
    if kind == 3:
        return gen_float(r)
    if kind == 4:
        return "complex(%s, %s)" % (gen_float(r), gen_float(r)) if r.random() < 0.3 else "(%s+%sj)" % (r.randrange(-9, 9), r.randrange(9))
    if kind in (5, 6, 7):
        return repr(gen_str(r))
    return repr(gen_bytes(r))


def gen_hashable(r, depth):
    if depth <= 0 or r.random() < 0.7:
        while True:
            a = gen_atom(r)
            if a != "StopIteration" or r.random() < 0.2:
                return a
    items = [gen_hashable(r, depth - 1) for _ in range(r.randrange(4))]
    if r.random() < 0.5:
        return "(" + "".join(i + ", " for i in items) + ")"
    return "frozenset([" + ", ".join(items) + "])"


SNIPPETS = ["x = 1", "def f(a, b=2):\n    return a + b", "class C:\n    y = 'a b'", "import os", "z = [1, 'k', 2.5]"]


def gen_value(r, depth):
    if depth <= 0 or r.random() < 0.3:
        return gen_atom(r)
    kind = r.randrange(11)
    n = r.choice([0, 1, 2, 3, 5, 8])
    items = lambda: [gen_value(r, depth - 1) for _ in range(n)]
    if kind in (0, 1):
        return "[" + ", ".join(items()) + "]"
    if kind == 2:
        return "(" + "".join(i + ", " for i in items()) + ")"
    if kind == 3:
        return "T([" + ", ".join(items()) + "])"
    if kind in (4, 5):
        pairs = ["%s: %s" % (gen_hashable(r, 1), gen_value(r, depth - 1)) for _ in range(n)]
        return "{" + ", ".join(pairs) + "}"
    if kind == 6:
        return "{" + ", ".join(gen_hashable(r, 2) for _ in range(n)) + "}" if n else "set()"
    if kind == 7:
        return "frozenset([" + ", ".join(gen_hashable(r, 2) for _ in range(n)) + "])"
    if kind == 8:
        # One object held in several places of the value.
        shared = gen_value(r, depth - 1)
        return "(lambda s: [s, %s, {1: s}, (s,)])(%s)" % (gen_value(r, depth - 1), shared)
    if kind == 9:
        return "L(%d)" % r.randrange(1, 40)  # a long list of small ints
    if r.random() < 0.5:
        return "compile(%r, 'snippet.py', 'exec', dont_inherit=True)" % r.choice(SNIPPETS)
    return gen_atom(r)


def corpus():
    r = random.Random(SEED)
    out = []
    for i in range(COUNT):
        source = gen_value(r, r.randrange(1, 5))
        version = r.choice([4, 4, 4, 3, 2, 1, 0])
        out.append((source, version))
    return out


# --- both sides ------------------------------------------------------------------------------

PROGRAM = r'''
import marshal
NAMES = {"marshal": marshal, "T": tuple, "L": lambda n: list(range(n)), "frozenset": frozenset,
         "complex": complex, "compile": compile, "StopIteration": StopIteration, "set": set}
def hexof(b):
    return "".join("%02x" % c for c in b)
def run(cases):
    for source, version in cases:
        try:
            data = eval("marshal.dumps(" + source + ", " + str(version) + ")", dict(NAMES))
            print(hexof(data))
        except BaseException as e:
            print("error " + type(e).__name__ + ": " + str(e).replace("\n", " "))
'''


def run_program(interpreter, cases):
    with tempfile.NamedTemporaryFile("w", suffix=".py", delete=False, encoding="utf-8") as f:
        f.write(PROGRAM)
        f.write("run(%r)\n" % (cases,))
        path = f.name
    try:
        env = dict(os.environ, PYTHONHASHSEED="0")
        p = subprocess.run([interpreter, path], capture_output=True, timeout=600, env=env)
    finally:
        os.unlink(path)
    lines = p.stdout.decode("utf-8", "replace").splitlines()
    if p.returncode != 0 or len(lines) != len(cases):
        sys.exit("%s failed (exit %d, %d of %d lines): %s" % (interpreter, p.returncode, len(lines), len(cases),
                                                         p.stderr.decode("utf-8", "replace")[-2000:]))
    return lines


def record():
    cases = corpus()
    expected = run_program(CPYTHON, cases)
    os.makedirs(os.path.dirname(DATA), exist_ok=True)
    with gzip.open(DATA, "wt", encoding="utf-8") as f:
        for (source, version), out in zip(cases, expected):
            f.write(json.dumps({"source": source, "version": version, "dumps": out}) + "\n")
    print("recorded %d values into %s" % (len(cases), os.path.relpath(DATA)))


def arena_only(expected, got):
    """Whether krait's bytes differ from CPython's only by objects CPython flags (FLAG_REF) and
    krait does not (and so the numbers of the back-references after them): the arena's extra
    reference (see the docstring). Same objects in the same order, same values."""
    if expected.startswith("error") or got.startswith("error"):
        return False
    a, b = walk(bytes.fromhex(expected)), walk(bytes.fromhex(got))
    if a is None or b is None or len(a) != len(b):
        return False
    for (code_a, flag_a, payload_a), (code_b, flag_b, payload_b) in zip(a, b):
        if code_a != code_b or (flag_b and not flag_a) or (code_a != "r" and payload_a != payload_b):
            return False
    return True


def walk(data):
    """The objects of a marshal stream in order: (type code, flagged, payload bytes); None if
    the stream cannot be read."""
    out = []
    pos = 0

    def take(n):
        nonlocal pos
        if pos + n > len(data):
            raise ValueError
        pos += n
        return data[pos - n:pos]

    def long():
        return int.from_bytes(take(4), "little", signed=True)

    def obj():
        byte = take(1)[0]
        code, flag = chr(byte & 0x7F), bool(byte & 0x80)
        entry = [code, flag, b""]
        out.append(entry)
        start = pos
        if code in "NTFS.0":
            pass
        elif code in "ir":
            take(4)
        elif code == "g":
            take(8)
        elif code == "y":
            take(16)
        elif code == "f":
            take(take(1)[0])
        elif code == "x":
            take(take(1)[0])
            take(take(1)[0])
        elif code == "l":
            take(2 * abs(long()))
        elif code in "sutaA":
            take(long())
        elif code in "zZ":
            take(take(1)[0])
        elif code in "()":
            n = take(1)[0] if code == ")" else long()
            for _ in range(n):
                obj()
        elif code in "[<>":
            for _ in range(long()):
                obj()
        elif code == "{":
            while data[pos] != ord("0"):
                obj()
                obj()
            take(1)
        elif code == "c":
            for _ in range(5):
                take(4)
            for i in range(10):
                if i == 8:
                    take(4)
                obj()
        else:
            raise ValueError
        entry[2] = data[start:pos] if code not in "()[<>{c" else b""

    try:
        obj()
    except (ValueError, IndexError):
        return None
    return out


def compare(krait, show, min_identical):
    with gzip.open(DATA, "rt", encoding="utf-8") as f:
        rows = [json.loads(line) for line in f]
    cases = [(row["source"], row["version"]) for row in rows]
    got = run_program(krait, cases)
    arena, sharing, bad = 0, [], []
    for row, out in zip(rows, got):
        if out == row["dumps"]:
            continue
        if arena_only(row["dumps"], out):
            arena += 1
        elif same_values(row["dumps"], out):
            sharing.append((row, out))
        else:
            bad.append((row, out))
    for row, out in (bad + sharing)[:show]:
        print("version %d: %s" % (row["version"], row["source"][:300]))
        a, b = row["dumps"], out
        n = next((i for i in range(min(len(a), len(b))) if a[i] != b[i]), min(len(a), len(b))) // 2 * 2
        print("  at byte %d: cpython %s" % (n // 2, a[max(0, n - 32):n + 64]))
        print("  %s   krait   %s" % (" " * len(str(n // 2)), b[max(0, n - 32):n + 64]))
    identical = len(rows) - arena - len(sharing) - len(bad)
    print("%d of %d values byte-identical; %d differ only where CPython's AST arena holds a constant (not"
          " modelled by krait's VM yet); %d load the same values with other sharing; %d differ" %
          (identical, len(rows), arena, len(sharing), len(bad)))
    if bad or identical < min_identical:
        print("FAILED: %s" % ("values differ" if bad else "fewer identical than --min-identical %d" % min_identical))
        return 1
    return 0


def canon(v, depth=0):
    """A comparable text of a loaded value: sets in sorted order (their iteration order depends
    on the order marshal wrote the elements), code objects without addresses."""
    if depth > 100:
        return "..."
    t = type(v)
    if t in (set, frozenset):
        return t.__name__ + "{" + ",".join(sorted(canon(x, depth + 1) for x in v)) + "}"
    if t in (list, tuple):
        return t.__name__ + "(" + ",".join(canon(x, depth + 1) for x in v) + ")"
    if t is dict:
        return "{" + ",".join(canon(k, depth + 1) + ":" + canon(x, depth + 1) for k, x in v.items()) + "}"
    return re.sub(r" at 0x[0-9a-f]+", "", repr(v))


def same_values(expected, got):
    """Whether CPython loads both to equal values (the bytes differ in sharing only)."""
    import marshal
    if expected.startswith("error") or got.startswith("error"):
        return False
    try:
        return canon(marshal.loads(bytes.fromhex(expected))) == canon(marshal.loads(bytes.fromhex(got)))
    except Exception:
        return False


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--krait", help="the krait binary to check")
    ap.add_argument("--record", action="store_true", help="regenerate the expected data with CPython")
    ap.add_argument("--show", type=int, default=10, help="differences to print (default 10)")
    ap.add_argument("--min-identical", type=int, default=MIN_IDENTICAL,
                    help="fail when fewer values are byte-identical (default %(default)s, the count when recorded)")
    args = ap.parse_args()
    if args.record:
        record()
        return 0
    if not args.krait:
        ap.error("--krait or --record is required")
    return compare(args.krait, args.show, args.min_identical)


if __name__ == "__main__":
    sys.exit(main())
