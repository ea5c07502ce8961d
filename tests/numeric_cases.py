#!/usr/bin/python3.11
"""Random arithmetic, formatting and conversion cases: krait against CPython 3.11's recorded output.

    tests/numeric_cases.py --krait build/krait        # check; prints matching case counts
    tests/numeric_cases.py --record                   # re-record from /usr/bin/python3.11
    tests/numeric_cases.py --show 7                   # print batch 7's program

A fixed seed generates BATCHES programs of BATCH_SIZE cases each. A case is one tuple
(operation, operands...) in a literal list; the program applies the operation and prints one
line per case: repr() of the result, or "ExceptionType: message". Operations cover repr/str of
ints of every size and floats (subnormals, inf, nan, -0.0), format() and '%' with random valid
and invalid specs, int()/float() parsing of random strings, round, divmod, ** and pow(a, b, m),
+ - * / // %, comparisons, bitwise ops, shifts, to_bytes/from_bytes, hash(), float.hex/fromhex,
as_integer_ratio.

Only CPython's output is committed (tests/data/numeric/expected.txt.gz, with each batch's
program hash so that a changed generator is noticed); the programs are regenerated from the
seed when checking. Each line belongs to one operation kind; kinds listed in
tests/data/numeric/pending.txt are not yet expected to match: their mismatches are counted
apart (like tests/cases/pending.txt) and a listed kind that fully matches is reported.
tests/run.py calls check(); it skips the section while krait cannot run `print(1)`.
"""
import argparse
import gzip
import hashlib
import io
import os
import random
import re
import struct
import subprocess
import sys
import tempfile
from concurrent.futures import ThreadPoolExecutor

CPYTHON = "/usr/bin/python3.11"
if os.path.realpath(sys.executable) != os.path.realpath(CPYTHON) and __name__ == "__main__":
    os.execv(CPYTHON, [CPYTHON] + sys.argv)

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import harness  # noqa: E402

DATA_DIR = os.path.join(HERE, "data", "numeric")
EXPECTED = os.path.join(DATA_DIR, "expected.txt.gz")
PENDING = os.path.join(DATA_DIR, "pending.txt")
SEED = 20240611
BATCHES = 110
BATCH_SIZE = 1000
TIMEOUT = 120

# ---------------------------------------------------------------------------------------------
# The program run for every batch: only the CASES list differs.

PRELUDE = r'''def op_repr(x): return repr(x)
def op_str(x): return str(x)
def op_format(x, spec): return format(x, spec)
def op_pct(spec, x): return spec % x
def op_int(s): return int(s)
def op_int_base(s, base): return int(s, base)
def op_float(s): return float(s)
def op_round(x): return round(x)
def op_round_n(x, n): return round(x, n)
def op_divmod(a, b): return divmod(a, b)
def op_pow(a, b): return a ** b
def op_pow3(a, b, m): return pow(a, b, m)
def op_add(a, b): return a + b
def op_sub(a, b): return a - b
def op_mul(a, b): return a * b
def op_truediv(a, b): return a / b
def op_floordiv(a, b): return a // b
def op_mod(a, b): return a % b
def op_cmp(a, b): return (a < b, a <= b, a == b, a != b, a > b, a >= b)
def op_and(a, b): return a & b
def op_or(a, b): return a | b
def op_xor(a, b): return a ^ b
def op_invert(a): return (~a, -a, +a, abs(a))
def op_lshift(a, n): return a << n
def op_rshift(a, n): return a >> n
def op_to_bytes(x, length, order, signed): return x.to_bytes(length, order, signed=signed)
def op_from_bytes(b, order, signed): return int.from_bytes(b, order, signed=signed)
def op_hash(x): return hash(x)
def op_float_of(x): return float(x)
def op_int_of(x): return int(x)
def op_hex(x): return x.hex()
def op_fromhex(s): return float.fromhex(s)
def op_ratio(x): return x.as_integer_ratio()
def op_bits(x): return (x.bit_length(), x.bit_count(), bin(x), oct(x), hex(x))
def op_complex(a, b): return complex(a, b)


OPS = {NAMES}

for case in CASES:
    try:
        out = repr(OPS[case[0]](*case[1:]))
    except Exception as e:
        out = type(e).__name__ + ': ' + str(e)
    print(out)
'''


OP_NAMES = re.findall(r"^def op_(\w+)", PRELUDE, re.M)
PROGRAM = PRELUDE.replace("{NAMES}", "{" + ", ".join(f"'{n}': op_{n}" for n in OP_NAMES) + "}")


def literal(v):
    """Source text for an operand (floats that repr cannot spell use the prelude's names)."""
    if isinstance(v, float):
        if v != v:
            return "NAN"
        if v in (float("inf"), float("-inf")):
            return "INF" if v > 0 else "-INF"
        return repr(v)
    if isinstance(v, int) and v.bit_length() > 3000:  # beyond the decimal digit limit: hex
        return hex(v)
    if isinstance(v, complex):
        return f"complex({literal(v.real)}, {literal(v.imag)})"
    if isinstance(v, tuple):
        return "(" + ", ".join(literal(x) for x in v) + ("," if len(v) == 1 else "") + ")"
    return repr(v)


# ---------------------------------------------------------------------------------------------
# Operand generators.

BOUNDARY_BITS = [7, 8, 15, 16, 30, 31, 32, 33, 47, 48, 52, 53, 54, 60, 61, 62, 63, 64, 65, 96, 127, 128, 129, 256]


def rand_int(r, max_bits=3000):
    k = r.random()
    if k < 0.3:
        n = r.randint(-300, 300)
    elif k < 0.6:
        b = r.choice(BOUNDARY_BITS)
        n = (1 << b) + r.randint(-3, 3)
    elif k < 0.9:
        n = r.getrandbits(r.randint(1, 200))
    else:
        n = r.getrandbits(r.randint(min(200, max_bits), max_bits))
    return -n if r.random() < 0.4 else n


def rand_float(r):
    k = r.random()
    if k < 0.08:
        return r.choice([0.0, -0.0, float("inf"), float("-inf"), float("nan"), 1.0, -1.0, 0.5,
                         5e-324, -5e-324, 2.2250738585072014e-308, 1.7976931348623157e308,
                         -1.7976931348623157e308, 9007199254740992.0, 9007199254740993.0, 1e16, 1e22, 1e23])
    if k < 0.2:  # subnormal
        return struct.unpack("<d", struct.pack("<Q", r.getrandbits(52) | (r.getrandbits(1) << 63)))[0]
    if k < 0.45:  # any bit pattern but nan
        while True:
            x = struct.unpack("<d", struct.pack("<Q", r.getrandbits(64)))[0]
            if x == x:
                return x
    if k < 0.65:  # short decimals
        return r.randint(-10 ** 6, 10 ** 6) / 10 ** r.randint(0, 8)
    if k < 0.8:  # halves and other ties
        return (r.randint(-10 ** 4, 10 ** 4) + 0.5) / 10 ** r.randint(0, 4)
    if k < 0.9:  # integers as floats, near 2**53
        return float(r.randint(-2 ** 60, 2 ** 60) >> r.randint(0, 60))
    return r.uniform(-1e6, 1e6) * 10.0 ** r.randint(-30, 30)


def rand_num(r):
    return rand_int(r) if r.random() < 0.5 else rand_float(r)


def small_int(r):
    return rand_int(r, 100) if r.random() < 0.5 else r.randint(-70, 70)


# Format specs: [[fill]align][sign][z][#][0][width][grouping][.precision][type]
FILLS = ["", "", "", "*", "0", " ", "x", "{", "}", "\u00e9", "<"]


def rand_spec(r, kind):
    s = ""
    if r.random() < 0.3:
        s += r.choice(FILLS) + r.choice("<>=^")
    elif r.random() < 0.1:
        s += r.choice("<>=^")
    if r.random() < 0.3:
        s += r.choice("+- ")
    if r.random() < 0.08:
        s += "z"
    if r.random() < 0.2:
        s += "#"
    if r.random() < 0.2:
        s += "0"
    if r.random() < 0.4:
        s += str(r.randint(0, 30)) if r.random() < 0.97 else r.choice(["99999999999999999999", "400"])
    if r.random() < 0.2:
        s += r.choice(",_")
        if r.random() < 0.03:
            s += r.choice(",_")
    if r.random() < (0.5 if kind == "float" else 0.1):
        s += "." + (str(r.randint(0, 25)) if r.random() < 0.97 else r.choice(["", "120", "99999999999999999999"]))
    if r.random() < 0.75:
        if r.random() < 0.9:
            s += r.choice("bcdoxXneEfFgG%" if kind == "int" else "eEfFgGn%")
        else:
            s += r.choice("sabcdoxXneEfFgG%rjZ")
    elif r.random() < 0.05:
        s += "!"
    return s


def rand_pct_spec(r):
    s = "%"
    if r.random() < 0.2:
        s = "<" + s
    for flag in "-+ #0":
        if r.random() < 0.15:
            s += flag
    if r.random() < 0.4:
        s += str(r.randint(0, 25))
    if r.random() < 0.4:
        s += "." + str(r.randint(0, 20))
    s += r.choice("diouxXeEfFgGcrsa%") if r.random() < 0.95 else r.choice("bzy")
    if r.random() < 0.2:
        s += ">"
    return s


SPACES = [" ", "  ", "\t", "\n", "\x0c", "\u3000", "\xa0", "\u2003"]
DIGITS36 = "0123456789abcdefghijklmnopqrstuvwxyz"


def to_base(n, base):
    if n == 0:
        return "0"
    out = []
    while n:
        n, d = divmod(n, base)
        out.append(DIGITS36[d])
    return "".join(reversed(out))


def mangle(r, s, digit_chars):
    """Random (mostly) valid or invalid variation of a number string."""
    k = r.random()
    if k < 0.15 and len(s) > 2:  # underscores between digits
        i = r.randint(1, len(s) - 1)
        s = s[:i] + r.choice(["_", "_", "__"]) + s[i:]
    elif k < 0.2:
        s = r.choice(["_", ""]) + s + r.choice(["_", ""])
    elif k < 0.3:
        s = r.choice(SPACES) + s + r.choice(SPACES + [""])
    elif k < 0.35 and s:
        i = r.randrange(len(s))
        s = s[:i] + r.choice("xz.-+ g@!e") + s[i + 1:]
    elif k < 0.38:
        s = "".join(chr(0x660 + int(c)) if c.isdigit() and r.random() < 0.5 else c for c in s)
    elif k < 0.41:
        s = "".join(chr(0xFF10 + int(c)) if c.isdigit() else c for c in s)
    elif k < 0.44:
        s = s.upper() if r.random() < 0.5 else s + "\x00"
    return s


def rand_int_string(r):
    """(string, base or None)."""
    n = rand_int(r, 600)
    k = r.random()
    if k < 0.35:
        base = None
        s = str(abs(n))
    elif k < 0.5:
        base = 0
        pre, b = r.choice([("0x", 16), ("0X", 16), ("0o", 8), ("0b", 2), ("", 10), ("0", 10)])
        s = pre + to_base(abs(n), b)
    elif k < 0.95:
        base = r.choice([2, 3, 8, 10, 16, 36, r.randint(2, 36)])
        s = to_base(abs(n), base)
        if base in (2, 8, 16) and r.random() < 0.3:
            s = {2: "0b", 8: "0o", 16: "0x"}[base] + s
    else:
        base = r.choice([1, 37, -1, 0, 100, -909])
        s = str(abs(n))
    if n < 0 or r.random() < 0.1:
        s = r.choice(["-", "+", "-", "--", "+-", " -"]) + s
    s = mangle(r, s, DIGITS36)
    if r.random() < 0.02:
        s = r.choice(["", " ", "_", "-", "0_0", "00", "0_", "1" * 4301, "1" * 4300, "0x", "0b2", "1e5", "١٢٣"])
    return s, base


def rand_float_string(r):
    k = r.random()
    if k < 0.15:
        s = r.choice(["inf", "Inf", "INFINITY", "infinity", "nan", "NaN", "-nan", "+inf", "infinit", "in",
                      "nan0", "-Infinity", "iNfInItY", "1e", "e1", ".", "-.", ".e1", "1.e1", ".5", "5.",
                      "0x1p3", "1_0.5", "1.5_5", "1__5.0", "_1.0", "1.0_", "1e1_0", "1_e10", "", "  ", "+",
                      "0" * 400 + "1", "1" + "0" * 400, "1e400", "-1e400", "1e-400", "2.4703282292062328e-324",
                      "2.4703282292062327e-324", "1.7976931348623158e308", "1.7976931348623159e308"])
    elif k < 0.45:
        s = repr(rand_float(r))
    elif k < 0.75:
        mant = str(r.getrandbits(r.randint(1, 150)))
        i = r.randint(0, len(mant))
        s = mant[:i] + "." + mant[i:]
        if r.random() < 0.6:
            s += r.choice("eE") + r.choice(["", "+", "-"]) + str(r.randint(0, 330))
    else:
        s = str(rand_int(r, 400))
    if r.random() < 0.2:
        s = r.choice(["-", "+"]) + s
    return mangle(r, s, "0123456789")


def fitting_pow(r):
    a = rand_num(r)
    if isinstance(a, int):
        bits = max(abs(a).bit_length(), 1)
        b = r.randint(-5, max(1, min(400, 20000 // bits)))
    else:
        b = rand_num(r) if r.random() < 0.5 else r.randint(-20, 20)
        if isinstance(b, int) and abs(b) > 10 ** 6:
            b = r.randint(-400, 400)
    if r.random() < 0.05:
        a = r.choice([0, 0.0, -0.0, 1, -1, float("inf"), float("-inf"), float("nan")])
    return a, b


# ---------------------------------------------------------------------------------------------
# Case generators: each returns (kind, operation tuple).

def gen_repr(r):
    return "repr", ("repr", rand_num(r))


def gen_str(r):
    x = rand_num(r)
    if r.random() < 0.01:
        x = 7 ** 5200 if r.random() < 0.5 else -(10 ** 4300)
    return "repr", ("str", x)


def gen_format_int(r):
    return "format", ("format", rand_int(r, 300), rand_spec(r, "int"))


def gen_format_float(r):
    return "format", ("format", rand_float(r), rand_spec(r, "float"))


def gen_format_mixed(r):
    x = r.choice([rand_int(r, 100), rand_float(r), complex(rand_float(r), rand_float(r)), True])
    return "format", ("format", x, rand_spec(r, r.choice(["int", "float"])))


def gen_pct(r):
    x = r.choice([rand_int(r, 200), rand_float(r), r.randint(0, 0x10ffff), "s", True])
    return "pct", ("pct", rand_pct_spec(r), x)


def gen_int_parse(r):
    s, base = rand_int_string(r)
    if base is None:
        return "int_parse", ("int", s)
    return "int_parse", ("int_base", s, base)


def gen_float_parse(r):
    return "float_parse", ("float", rand_float_string(r))


def gen_round(r):
    x = rand_num(r)
    if r.random() < 0.3:
        return "round", ("round", x)
    n = r.choice([r.randint(-20, 20), r.randint(-400, 400), None, 10 ** 20, -(10 ** 20)])
    if isinstance(x, int) and n == -(10 ** 20):  # CPython computes 10**(10**20): never ends
        n = -(10 ** 4)
    return "round", ("round_n", x, n)


def gen_divmod(r):
    a, b = rand_num(r), rand_num(r)
    if r.random() < 0.1:
        b = r.choice([0, 0.0, -0.0, 1, -1])
    return "divmod", ("divmod", a, b)


def gen_pow(r):
    a, b = fitting_pow(r)
    if r.random() < 0.25:
        return "pow", ("pow3", rand_int(r, 300), r.randint(-3, 200) if r.random() < 0.7 else rand_int(r, 300),
                       r.choice([rand_int(r, 300), r.randint(-5, 5)]))
    return "pow", ("pow", a, b)


def gen_arith(r):
    a, b = rand_num(r), rand_num(r)
    if r.random() < 0.05:
        b = r.choice([0, 0.0, -0.0])
    return "arith", (r.choice(["add", "sub", "mul", "truediv", "floordiv", "mod"]), a, b)


def gen_cmp(r):
    a = rand_num(r)
    b = rand_num(r) if r.random() < 0.6 else (float(a) if isinstance(a, int) and a.bit_length() < 1000 else a)
    if isinstance(b, float) and r.random() < 0.3 and b == b and abs(b) != float("inf"):
        b = int(b)
    return "cmp", ("cmp", a, b)


def gen_bitwise(r):
    k = r.random()
    if k < 0.6:
        return "bitwise", (r.choice(["and", "or", "xor"]), rand_int(r), rand_int(r))
    if k < 0.75:
        return "bitwise", ("invert", rand_int(r))
    return "bitwise", ("bits", rand_int(r, 400))


def gen_shift(r):
    a = rand_int(r, 1000)
    if r.random() < 0.5:
        n = r.choice([r.randint(0, 200), r.randint(-3, 3), r.randint(0, 2000) if abs(a) < 2 ** 40 else 5, 2 ** 70])
        if n == 2 ** 70 and a and r.random() < 0.5:
            n = -n
        return "shift", ("lshift", a, n)
    n = r.choice([r.randint(0, 200), r.randint(-3, 3), r.randint(0, 5000), 2 ** 70, 2 ** 64 - 1])
    return "shift", ("rshift", a, n)


def gen_bytes(r):
    if r.random() < 0.5:
        x = rand_int(r, 300)
        need = (x.bit_length() + 8) // 8
        length = r.choice([need, need - 1, need + 2, 0, r.randint(0, 40)])
        return "bytes", ("to_bytes", x, max(length, 0) if r.random() < 0.97 else -1,
                         r.choice(["big", "little", "big", "middle"][:3 if r.random() < 0.98 else 4]),
                         r.random() < 0.5)
    b = bytes(r.getrandbits(8) for _ in range(r.randint(0, 40)))
    return "bytes", ("from_bytes", b, r.choice(["big", "little"]), r.random() < 0.5)


def gen_hash(r):
    x = rand_num(r)
    if x != x:
        x = -1
    if r.random() < 0.05:
        x = complex(rand_float(r), rand_float(r))
        if x != x:
            x = 1j
    return "hash", ("hash", x)


def gen_convert(r):
    k = r.random()
    if k < 0.3:
        x = rand_int(r)
        if r.random() < 0.1:
            x = r.choice([2 ** 1024, 2 ** 1024 - 2 ** 970, 2 ** 1024 - 2 ** 971, -(2 ** 1024 - 2 ** 970), 2 ** 53 + 1])
        return "convert", ("float_of", x)
    if k < 0.5:
        return "convert", ("int_of", rand_float(r))
    if k < 0.65:
        return "convert", ("hex", rand_float(r))
    if k < 0.75:
        s = rand_float(r).hex()
        return "convert", ("fromhex", mangle(r, s, "0123456789abcdef"))
    if k < 0.9:
        return "convert", ("ratio", rand_num(r))
    return "convert", ("complex", rand_float(r), rand_float(r))


GENERATORS = [
    (gen_repr, 10), (gen_str, 4), (gen_format_int, 10), (gen_format_float, 12), (gen_format_mixed, 3),
    (gen_pct, 5), (gen_int_parse, 9), (gen_float_parse, 7), (gen_round, 6), (gen_divmod, 5),
    (gen_pow, 6), (gen_arith, 8), (gen_cmp, 4), (gen_bitwise, 5), (gen_shift, 4), (gen_bytes, 5),
    (gen_hash, 5), (gen_convert, 6),
]
KINDS = sorted({k for g, _ in GENERATORS for k in [g(random.Random(0))[0]]})


def batch(index):
    """(kinds, program source) of batch `index`."""
    r = random.Random(SEED * 1000 + index)
    gens = [g for g, _ in GENERATORS]
    weights = [w for _, w in GENERATORS]
    kinds, lines = [], []
    for _ in range(BATCH_SIZE):
        kind, case = r.choices(gens, weights)[0](r)
        kinds.append(kind)
        lines.append("    " + literal(case) + ",\n")
    src = f"# numeric batch {index} (generated by tests/numeric_cases.py; do not edit)\nINF = float('inf')\nNAN = float('nan')\nCASES = [\n"
    return kinds, src + "".join(lines) + "]\n\n" + PROGRAM


def digest(src):
    return hashlib.sha256(src.encode()).hexdigest()[:16]


# ---------------------------------------------------------------------------------------------
# Running, recording, checking.

def run_program(executable, src):
    """(exit code, stdout lines, stderr text) of `executable` running `src`."""
    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(tmp, "batch.py")
        with open(path, "w", encoding="utf-8") as f:
            f.write(src)
        try:
            p = subprocess.run(["python", path], executable=os.path.abspath(executable), capture_output=True,
                               env=harness.clean_env(), cwd=tmp, timeout=TIMEOUT)
        except subprocess.TimeoutExpired as e:
            return -999, (e.stdout or b"").decode("utf-8", "backslashreplace").splitlines(), "timed out"
    return p.returncode, p.stdout.decode("utf-8", "backslashreplace").splitlines(), \
        p.stderr.decode("utf-8", "backslashreplace")


def load_expected():
    """{batch index: (program digest, [lines])}."""
    out = {}
    with gzip.open(EXPECTED, "rt", encoding="utf-8", newline="\n") as f:
        text = f.read()
    for block in text.split("\x1e")[1:]:
        head, _, body = block.partition("\n")
        _, index, dig, count = head.split()
        lines = body.split("\n")[:int(count)]
        out[int(index)] = (dig, lines)
    return out


def record(jobs):
    def one(i):
        _, src = batch(i)
        code, lines, err = run_program(CPYTHON, src)
        if code != 0 or len(lines) != BATCH_SIZE:
            raise SystemExit(f"batch {i}: CPython exit {code}, {len(lines)} lines\n{err}")
        return i, digest(src), lines

    buf = io.StringIO()
    with ThreadPoolExecutor(jobs) as pool:
        for i, dig, lines in pool.map(one, range(BATCHES)):
            buf.write(f"\x1ebatch {i} {dig} {len(lines)}\n" + "\n".join(lines) + "\n")
    os.makedirs(DATA_DIR, exist_ok=True)
    with open(EXPECTED, "wb") as raw:
        with gzip.GzipFile(fileobj=raw, mode="wb", mtime=0, filename="") as f:
            f.write(buf.getvalue().encode("utf-8"))
    print(f"recorded {BATCHES} batches, {BATCHES * BATCH_SIZE} cases into {os.path.relpath(EXPECTED)}")


def load_pending():
    if not os.path.exists(PENDING):
        return set()
    with open(PENDING, encoding="utf-8") as f:
        return {line.split("#")[0].strip() for line in f} - {""}


def krait_runs_programs(krait):
    try:
        code, lines, _ = run_program(krait, "print(1)\n")
    except OSError:
        return False
    return code == 0 and lines == ["1"]


def check(krait, jobs=2, verbose=False, max_shown=3):
    """(passed, failed, failure reports) for tests/run.py: one count per case; nothing while krait
    cannot run programs at all (the section is then skipped, not failed)."""
    if not krait_runs_programs(krait):
        print(f"   numeric cases skipped: {krait} cannot run `print(1)` yet")
        return 0, 0, []
    expected = load_expected()
    pending = load_pending()

    def one(i):
        kinds, src = batch(i)
        dig, want = expected[i]
        if dig != digest(src):
            return i, kinds, None, f"batch {i}: the generator changed since recording (run --record)"
        code, got, err = run_program(krait, src)
        note = "" if code == 0 else f"exit {code}: {err.strip().splitlines()[-1:] if err.strip() else ''}"
        return i, kinds, (want, got), note

    per_kind = {k: [0, 0] for k in KINDS}  # kind: [matched, mismatched]
    reports, shown = [], {}
    with ThreadPoolExecutor(jobs) as pool:
        for i, kinds, pair, note in pool.map(one, sorted(expected)):
            if pair is None:
                reports.append(f"FAIL numeric {note}")
                for k in kinds:
                    per_kind[k][1] += 1
                continue
            want, got = pair
            for n, (kind, w) in enumerate(zip(kinds, want)):
                g = got[n] if n < len(got) else "<no output>"
                if g == w:
                    per_kind[kind][0] += 1
                    continue
                per_kind[kind][1] += 1
                if (kind not in pending or verbose) and shown.get(kind, 0) < max_shown:
                    shown[kind] = shown.get(kind, 0) + 1
                    case = src_case(i, n)
                    reports.append(f"FAIL numeric {kind} (batch {i} case {n}): {case}\n"
                                   f"    cpython: {w}\n    krait:   {g}" + (f"\n    ({note})" if note else ""))
    passed = sum(m for m, _ in per_kind.values())
    failed = sum(x for k, (_, x) in per_kind.items() if k not in pending)
    still = sum(x for k, (_, x) in per_kind.items() if k in pending)
    now_passing = sorted(k for k in pending if k in per_kind and per_kind[k][1] == 0)
    summary = ", ".join(f"{k} {m}/{m + x}" for k, (m, x) in sorted(per_kind.items()))
    print(f"   numeric cases matching: {passed}/{passed + failed + still} ({summary})")
    if pending:
        print(f"   pending kinds: {still} cases still differ"
              + (f"; fully matching now (remove from {os.path.relpath(PENDING)}): " + ", ".join(now_passing)
                 if now_passing else ""))
    return passed, failed, reports


def src_case(i, n):
    _, src = batch(i)
    return src.split("\n")[4 + n].strip()


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--krait", default="build/krait")
    ap.add_argument("--record", action="store_true", help="re-record the expected output from CPython")
    ap.add_argument("--show", type=int, metavar="BATCH", help="print one batch's program")
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--max-shown", type=int, default=3, help="mismatches shown per kind")
    args = ap.parse_args()
    if args.show is not None:
        sys.stdout.write(batch(args.show)[1])
        return 0
    if args.record:
        record(args.jobs)
        return 0
    passed, failed, reports = check(args.krait, args.jobs, verbose=True, max_shown=args.max_shown)
    for rep in reports:
        print(rep)
    print(f"{passed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
