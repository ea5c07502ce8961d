#!/usr/bin/python3.11
"""Differential AST check: `krait --dump-ast FILE` against CPython 3.11's
`ast.dump(ast.parse(open(FILE, 'rb').read()), include_attributes=True)`.

    tests/ast_sweep.py --krait build/krait               # every .py under /usr/lib/python3.11
    tests/ast_sweep.py --krait build/krait --sample 10   # every 10th file
    tests/ast_sweep.py --krait build/krait --list-failing > failing.txt
    tests/ast_sweep.py --krait build/krait FILE...       # these files only

Files CPython itself cannot parse are skipped. Prints the first difference of
each failing file (shortened: a dump is one long line) and `identical: N / M`.
Exit status 1 when a file differs. tests/run.py uses check_files() on a sample.
"""
import argparse
import ast
import os
import subprocess
import sys
from multiprocessing import Pool

CPYTHON = "/usr/bin/python3.11"
STDLIB = "/usr/lib/python3.11"
CONTEXT = 70

# The CPython side runs in this very process: it has to be CPython 3.11.
if os.path.realpath(sys.executable) != os.path.realpath(CPYTHON) and __name__ == "__main__":
    os.execv(CPYTHON, [CPYTHON] + sys.argv)


def stdlib_files(sample=1):
    """Every .py file under the stdlib, sorted; every `sample`-th when sample > 1."""
    files = []
    for dirpath, dirnames, filenames in os.walk(STDLIB):
        dirnames.sort()
        files.extend(os.path.join(dirpath, f) for f in sorted(filenames) if f.endswith(".py"))
    files.sort()
    return files[::sample]


def first_difference(expected: str, got: str) -> str:
    """A short description of where two dumps first differ."""
    n = 0
    limit = min(len(expected), len(got))
    while n < limit and expected[n] == got[n]:
        n += 1
    start = max(0, n - CONTEXT)
    exp = expected[start:n + CONTEXT].replace("\n", "\\n")
    act = got[start:n + CONTEXT].replace("\n", "\\n")
    return f"at char {n}:\n    cpython: ...{exp}...\n    krait:   ...{act}..."


def check_file(args):
    """(path, status, detail): status is 'same', 'differs' or 'skipped'."""
    krait, path = args
    with open(path, "rb") as f:
        data = f.read()
    try:
        expected = ast.dump(ast.parse(data), include_attributes=True) + "\n"
    except (SyntaxError, ValueError, MemoryError, RecursionError):
        return path, "skipped", "CPython cannot parse it"
    try:
        p = subprocess.run([krait, "--dump-ast", path], capture_output=True, timeout=120,
                           env={"PYTHONHASHSEED": "0", "LC_ALL": "C.UTF-8", "PATH": "/usr/bin:/bin"})
    except subprocess.TimeoutExpired:
        return path, "differs", "krait timed out"
    got = p.stdout.decode("utf-8", "backslashreplace")
    if p.returncode != 0:
        err = p.stderr.decode("utf-8", "backslashreplace").strip().splitlines()
        tail = " | ".join(err[-3:])[:300]
        return path, "differs", f"krait exit {p.returncode}: {tail}"
    if got == expected:
        return path, "same", ""
    return path, "differs", first_difference(expected, got)


def check_files(krait, files, jobs=2):
    """Runs check_file over `files` on `jobs` processes, in order."""
    work = [(os.path.abspath(krait), f) for f in files]
    if jobs <= 1:
        return [check_file(w) for w in work]
    with Pool(jobs) as pool:
        return pool.map(check_file, work, chunksize=4)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--krait", default="build/krait")
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--sample", type=int, default=1, help="check every N-th file only")
    ap.add_argument("--list-failing", action="store_true", help="print only the paths of differing files")
    ap.add_argument("files", nargs="*", help="check these files instead of the stdlib")
    args = ap.parse_args()
    files = args.files or stdlib_files(args.sample)
    results = check_files(args.krait, files, args.jobs)
    same = sum(1 for _, s, _ in results if s == "same")
    checked = sum(1 for _, s, _ in results if s != "skipped")
    for path, status, detail in results:
        if status == "differs":
            print(path if args.list_failing else f"DIFFERS {path}: {detail}")
    if not args.list_failing:
        print(f"identical: {same} / {checked}  ({len(results) - checked} skipped: CPython cannot parse them)")
    return 0 if same == checked else 1


if __name__ == "__main__":
    sys.exit(main())
