#!/usr/bin/python3.11
"""krait's constant folding (src/compile/ast_opt.cpp, fold_ops.cpp) against CPython 3.11's.

    tests/fold_check.py --krait build/krait [--count N] [--seed S]

Writes modules of `x = EXPR` statements, EXPR an operator applied to constants of every kind
(ints small and huge, bools, floats with infinities and subnormals, complex, str, bytes,
tuples), subscripts, `in` over list/set displays, and '%'-formatting, then compares
co_consts and co_code of `krait --dump-code` with CPython's compile() of the same module.
Prints each differing module with the first differing constant and `N passed, N failed` (one
count per module). tests/run.py calls check().
"""
import argparse
import os
import random
import subprocess
import sys
import tempfile

CPYTHON = "/usr/bin/python3.11"
if os.path.realpath(sys.executable) != os.path.realpath(CPYTHON) and __name__ == "__main__":
    os.execv(CPYTHON, [CPYTHON] + sys.argv)

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import dump_code  # noqa: E402

ATOMS = ["0", "1", "-1", "2", "3", "7", "-7", "255", "2**64", "-2**70", "12345678901234567890123", "True",
         "False", "None", "...", "0.0", "-0.0", "1.5", "-2.5", "1e300", "1e-310", "0.1", "1e308",
         "1j", "-1j", "(1+2j)", "0j", "2.5j", "''", "'ab'", "'h\\xe9llo'", "b''", "b'xy'", "()", "(1,)",
         "(1, 2)", "('a', (1, 2))", "127", "128", "64", "4096", "256", "1024", "10**20", "-3", "63"]
OPS = ["+", "-", "*", "/", "//", "%", "**", "<<", ">>", "&", "|", "^", "@"]
SPECIAL = ["'x' * 4096", "'x' * 4097", "b'x' * 4097", "(1,) * 256", "(1,) * 257", "((1,2,3),)*256",
           "2**128", "2**127", "3**81", "1**129", "0**1000", "(-1)**300", "1<<127", "1<<128", "2<<127",
           "1>>1000", "-1>>1000", "2**-1", "0**-1", "(-8)**(1/3)", "10**400/10**399", "2**1000/3",
           "1e-320/3", "(1+2j)**0.5", "1j**-1", "0j**-1", "(1+1j)/(2-3j)", "'abc'[-4]", "'a\\U0001f600b'[1]",
           "'%s:%5r|%-3.2a%%' % (a, b, c)", "'%d' % (a,)", "'%s%s' % (a,)", "'%zs' % (a,)", "'%123s' % (a,)",
           "a in [1, 2.0, 'x']", "a in {1, 1.0, True}", "a in [b, 1]", "a < b in [1, 2]", "a in [1] < b",
           "not 1", "not ()", "~True", "-True", "__debug__", "'abc'[True]", "(1, 2)[-1]", "b'ab'[1]"]


def expressions(count, seed):
    rnd = random.Random(seed)
    exprs = list(SPECIAL)
    while len(exprs) < count:
        a, b, c = rnd.choice(ATOMS), rnd.choice(ATOMS), rnd.choice(ATOMS)
        form = rnd.randrange(4)
        if form == 0:
            exprs.append(f"({a}) {rnd.choice(OPS)} ({b})")
        elif form == 1:
            exprs.append(f"(({a}) {rnd.choice(OPS)} ({b})) {rnd.choice(OPS)} ({c})")
        elif form == 2:
            exprs.append(f"{rnd.choice(['-', '+', '~', 'not '])}({a})")
        else:
            exprs.append(f"({a})[{rnd.choice(['0', '1', '-1', 'True', '5'])}]")
    return exprs


def module_fields(dump):
    """co_code and the co_consts lines of a dump's first (module) code object."""
    first = dump.split("\n# code ")[0]
    return [line for line in first.splitlines() if line.startswith(("co_code:", "co_consts"))]


def check(krait, count=3000, seed=1, per_module=300):
    exprs = expressions(count, seed)
    passed, reports = 0, []
    with tempfile.TemporaryDirectory() as tmp:
        for start in range(0, len(exprs), per_module):
            chunk = exprs[start:start + per_module]
            path = os.path.join(tmp, f"fold{start}.py")
            with open(path, "w", encoding="utf-8") as f:
                f.write("".join(f"x = {e}\n" for e in chunk))
            import warnings
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")  # SyntaxWarning: 'int' object is not subscriptable
                expected = module_fields(dump_code.dump_code(dump_code.compile_file(path)))
            p = subprocess.run([krait, "--dump-code", path], capture_output=True, text=True)
            got = module_fields(p.stdout) if p.returncode == 0 else [p.stderr.strip()[-300:]]
            if got == expected:
                passed += 1
                continue
            n = next((i for i, (e, g) in enumerate(zip(expected, got)) if e != g), min(len(expected), len(got)))
            exp_line = expected[n] if n < len(expected) else None
            got_line = got[n] if n < len(got) else None
            reports.append(f"FAIL fold statements {start}..{start + len(chunk) - 1}:\n"
                           f"    cpython: {str(exp_line)[:200]}\n    krait:   {str(got_line)[:200]}")
    return passed, len(reports), reports


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--krait", default="build/krait")
    ap.add_argument("--count", type=int, default=3000)
    ap.add_argument("--seed", type=int, default=1)
    args = ap.parse_args()
    passed, failed, reports = check(os.path.abspath(args.krait), args.count, args.seed)
    for r in reports:
        print(r)
    print(f"{passed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
