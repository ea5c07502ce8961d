#!/usr/bin/python3.11
"""Differential marshal check: krait's marshal bytes of compiled stdlib modules against CPython 3.11's.

    tests/marshal_sweep.py --krait build/krait                # every .py under /usr/lib/python3.11
    tests/marshal_sweep.py --krait build/krait --sample 25    # every 25th file
    tests/marshal_sweep.py --krait build/krait json/          # files whose path contains "json/"
    tests/marshal_sweep.py --krait build/krait --show /usr/lib/python3.11/json/encoder.py

For each file:
  * dumps: CPython's marshal.dumps(compile(source, path, 'exec', dont_inherit=True)) against
    `krait --marshal-code path`. When they differ, CPython loads krait's bytes and the two code
    objects are compared with tests/dump_code.py: if they differ the compiler is to blame (the
    file is one tests/compile_sweep.py --list-failing reports) and it is counted apart;
    otherwise marshal's sharing rule is wrong and the first differing byte is shown.
  * round trip: `krait --marshal-roundtrip` loads CPython's bytes and dumps them again; the
    result must equal CPython's bytes.
Prints `N of M files byte-identical` (compiler differences excluded from neither count: they
are listed apart) and exits 1 when a marshal difference or a round-trip failure is found.

    tests/marshal_sweep.py --krait build/krait --runtime      # the marshal module inside krait

--runtime checks the runtime's marshal module instead of the CLI: krait runs
`marshal.dumps(compile(source, path, 'exec', dont_inherit=True))` (the source is embedded in the
program krait runs as a bytes literal, so no file I/O is needed) and
`marshal.dumps(marshal.loads(cpython_bytes))`; both must equal CPython's bytes. Files are
batched, several per krait process.
"""
import argparse
import marshal
import os
import subprocess
import sys
import tempfile
import warnings
from multiprocessing import Pool

CPYTHON = "/usr/bin/python3.11"
if os.path.realpath(sys.executable) != os.path.realpath(CPYTHON) and __name__ == "__main__":
    os.execv(CPYTHON, [CPYTHON] + sys.argv)

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import dump_code  # noqa: E402
from compile_sweep import stdlib_files, ENV  # noqa: E402


def cpython_bytes(path):
    """marshal.dumps of CPython's code object (the code object passed straight to dumps, as its
    reference count decides FLAG_REF on it), or None if CPython cannot compile the file."""
    with open(path, "rb") as f:
        source = f.read()
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # SyntaxWarnings of test files
            return marshal.dumps(compile(source, path, "exec", dont_inherit=True))
    except Exception:  # SyntaxError, ValueError (NUL bytes), RecursionError, MemoryError
        return None


def run_krait(args, stdin=None):
    try:
        p = subprocess.run(args, input=stdin, capture_output=True, timeout=120, env=ENV)
    except subprocess.TimeoutExpired:
        return False, "krait timed out"
    if p.returncode != 0:
        return False, p.stderr.decode("utf-8", "backslashreplace").strip()[-300:]
    return True, p.stdout


def first_difference(a, b):
    n = next((i for i in range(min(len(a), len(b))) if a[i] != b[i]), min(len(a), len(b)))
    return f"first difference at byte {n} of {len(a)}/{len(b)}: cpython {a[max(0, n - 24):n + 24]!r}\n" \
           f"        krait   {b[max(0, n - 24):n + 24]!r}"


def check_file(args):
    """(path, dumps status, detail, round-trip ok, detail)."""
    krait, path = args
    expected = cpython_bytes(path)
    if expected is None:
        return path, "skipped", None, True, None
    ok, got = run_krait([krait, "--marshal-code", path])
    if not ok:
        status, detail = "error", got
    elif got == expected:
        status, detail = "same", None
    else:
        status, detail = classify(path, expected, got)
    ok, again = run_krait([krait, "--marshal-roundtrip"], stdin=expected)
    round_trip = ok and again == expected
    rt_detail = None if round_trip else (again if not ok else first_difference(expected, again))
    return path, status, detail, round_trip, rt_detail


def classify(path, expected, got):
    """'compiler' when krait's code object itself differs, else 'marshal'."""
    try:
        krait_code = marshal.loads(got)
    except Exception as e:
        return "marshal", f"CPython cannot load krait's bytes: {type(e).__name__}: {e}"
    if dump_code.dump_code(krait_code) != dump_code.dump_code(marshal.loads(expected)):
        return "compiler", None
    return "marshal", first_difference(expected, got)


def show(krait, path):
    expected = cpython_bytes(path)
    ok, got = run_krait([krait, "--marshal-code", path])
    if not ok:
        print(f"krait failed: {got}")
        return 1
    if got == expected:
        print("identical")
        return 0
    print(classify(path, expected, got))
    print(first_difference(expected, got))
    return 1


RUNTIME_PROGRAM = r'''
import marshal
def hexof(b):
    return "".join("%02x" % c for c in b)
def attempt(f):
    try:
        return hexof(f())
    except BaseException as e:
        return "error " + type(e).__name__ + ": " + str(e).replace("\n", " ")[:200]
for path, source, expected in CASES:
    print(attempt(lambda: marshal.dumps(compile(source, path, "exec", dont_inherit=True))))
    print(attempt(lambda: marshal.dumps(marshal.loads(expected))))
'''


def check_runtime_batch(args):
    """[(path, dumps status, detail, round-trip ok, detail)] for a batch, through krait's marshal module."""
    krait, paths = args
    cases = []
    for path in paths:
        expected = cpython_bytes(path)
        if expected is not None:
            with open(path, "rb") as f:
                cases.append((path, f.read(), expected))
    if not cases:
        return []
    program = "CASES = %r\n%s" % (cases, RUNTIME_PROGRAM)
    with tempfile.NamedTemporaryFile("w", suffix=".py", delete=False, encoding="utf-8") as f:
        f.write(program)
        name = f.name
    try:
        ok, out = run_krait([krait, name])
    finally:
        os.unlink(name)
    lines = out.decode("utf-8", "replace").splitlines() if ok else []
    results = []
    for i, (path, source, expected) in enumerate(cases):
        if len(lines) < 2 * i + 2:
            detail = out if not ok else "krait printed too few lines"
            results.append((path, "error", detail, False, detail))
            continue
        got, again = lines[2 * i], lines[2 * i + 1]
        if got == expected.hex():
            status, detail = "same", None
        elif got.startswith("error"):
            status, detail = "error", got
        else:
            status, detail = classify(path, expected, bytes.fromhex(got))
        round_trip = again == expected.hex()
        rt_detail = None if round_trip else (again if again.startswith("error") else
                                             first_difference(expected, bytes.fromhex(again)))
        results.append((path, status, detail, round_trip, rt_detail))
    return results


def sweep_runtime(krait, files, jobs, batch=8):
    batches = [(krait, files[i:i + batch]) for i in range(0, len(files), batch)]
    with Pool(jobs) as pool:
        return [r for rs in pool.map(check_runtime_batch, batches, chunksize=1) for r in rs]


def sweep(krait, files, jobs):
    """The results of check_file for each file (used by tests/run.py too)."""
    with Pool(jobs) as pool:
        return pool.map(check_file, [(krait, f) for f in files], chunksize=4)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--krait", default="build/krait")
    ap.add_argument("--sample", type=int, default=1, help="check every N-th file")
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--show", metavar="FILE", help="explain the difference for FILE")
    ap.add_argument("--runtime", action="store_true", help="check the marshal module inside krait")
    ap.add_argument("filters", nargs="*", help="only files whose path contains one of these")
    args = ap.parse_args()
    krait = os.path.abspath(args.krait)
    if args.show:
        return show(krait, args.show)
    files = stdlib_files(args.sample, args.filters)
    results = sweep_runtime(krait, list(files), args.jobs) if args.runtime else sweep(krait, files, args.jobs)
    counted = identical = round_trips = 0
    compiler = []
    bad = False
    for path, status, detail, round_trip, rt_detail in results:
        if status == "skipped":
            continue
        counted += 1
        identical += status == "same"
        round_trips += round_trip
        if status == "compiler":
            compiler.append(path)
        elif status != "same":
            bad = True
            print(f"{status.upper()} {path}: {detail}")
        if not round_trip:
            bad = True
            print(f"ROUND TRIP {path}: {rt_detail}")
    if compiler:
        print(f"{len(compiler)} files differ because krait's code object differs (tests/compile_sweep.py):")
        for path in compiler:
            print(f"    {path}")
    print(f"round trip (krait loads and dumps CPython's bytes): {round_trips} of {counted} identical")
    print(f"marshal differences beyond the compiler's: {counted - identical - len(compiler)}")
    print(f"{identical} of {counted} files byte-identical")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
