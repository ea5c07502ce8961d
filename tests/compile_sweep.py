#!/usr/bin/python3.11
"""Differential compiler check: `krait --dump-code FILE` against CPython 3.11's code objects.

    tests/compile_sweep.py --krait build/krait                 # every .py under /usr/lib/python3.11
    tests/compile_sweep.py --krait build/krait --sample 10     # every 10th file
    tests/compile_sweep.py --krait build/krait json/           # files whose path contains "json/"
    tests/compile_sweep.py --krait build/krait --show /usr/lib/python3.11/json/encoder.py
    tests/compile_sweep.py --krait build/krait --list-failing > failing.txt

The CPython side is compile(source_bytes, path, 'exec', dont_inherit=True) dumped by
tests/dump_code.py in this very process (which must be /usr/bin/python3.11); files CPython
cannot compile are skipped. For each differing file, prints each differing code object with
its first differing field; at the end, the most common first differences and
`N of M files identical`. Exit status 1 when a file differs.
"""
import argparse
import collections
import difflib
import os
import subprocess
import sys
from multiprocessing import Pool

CPYTHON = "/usr/bin/python3.11"
if os.path.realpath(sys.executable) != os.path.realpath(CPYTHON) and __name__ == "__main__":
    os.execv(CPYTHON, [CPYTHON] + sys.argv)

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import dump_code  # noqa: E402

STDLIB = "/usr/lib/python3.11"
ENV = {"PYTHONHASHSEED": "0", "LC_ALL": "C.UTF-8", "PATH": "/usr/bin:/bin"}


def stdlib_files(sample=1, filters=()):
    files = []
    for dirpath, dirnames, filenames in os.walk(STDLIB):
        dirnames.sort()
        files.extend(os.path.join(dirpath, f) for f in sorted(filenames) if f.endswith(".py"))
    files.sort()
    if filters:
        files = [f for f in files if any(s in f for s in filters)]
    return files[::sample]


def cpython_dump(path):
    """The dump of CPython's code object, or None if CPython cannot compile the file."""
    try:
        return dump_code.dump_code(dump_code.compile_file(path))
    except Exception:  # SyntaxError, ValueError (NUL bytes), RecursionError, MemoryError
        return None


def krait_dump(krait, path):
    """(ok, text): the dump, or the tail of krait's error output."""
    try:
        p = subprocess.run([krait, "--dump-code", path], capture_output=True, timeout=120, env=ENV)
    except subprocess.TimeoutExpired:
        return False, "krait timed out"
    if p.returncode != 0:
        err = p.stderr.decode("utf-8", "backslashreplace").strip().splitlines()
        return False, f"exit {p.returncode}: " + " | ".join(err[-2:])[:300]
    return True, p.stdout.decode("utf-8", "backslashreplace")


def split_code_objects(dump):
    """[(header, {field: value}, [field order])] for each code object of a dump."""
    objects = []
    for line in dump.splitlines():
        if line.startswith("# code "):
            objects.append((line[len("# code "):], {}, []))
        elif objects:
            field, _, value = line.partition(": ")
            objects[-1][1][field] = value
            objects[-1][2].append(field)
    return objects


def compare(expected, got):
    """[(code object, first differing field, cpython value, krait value)] (empty: identical)."""
    exp, act = split_code_objects(expected), split_code_objects(got)
    diffs = []
    for i in range(max(len(exp), len(act))):
        if i >= len(exp) or i >= len(act):
            present = exp[i] if i < len(exp) else act[i]
            diffs.append((present[0], "code objects", f"{len(exp)} code objects", f"{len(act)}"))
            break
        (head, e_fields, order), (_, a_fields, _) = exp[i], act[i]
        for field in order:
            if e_fields.get(field) != a_fields.get(field):
                # co_consts[i] lines are one field: "co_consts" (the count) groups them.
                diffs.append((head, field, e_fields.get(field), a_fields.get(field)))
                break
    return diffs


def category(field):
    return "co_consts" if field.startswith("co_consts") else field


def check_file(args):
    """(path, status, detail): status 'same', 'differs', 'error' (krait failed) or 'skipped'."""
    krait, path = args
    expected = cpython_dump(path)
    if expected is None:
        return path, "skipped", None
    ok, got = krait_dump(krait, path)
    if not ok:
        return path, "error", got
    if got == expected:
        return path, "same", None
    return path, "differs", compare(expected, got)


def short(text, width=110):
    text = "None" if text is None else text
    return text if len(text) <= width else text[:width] + "..."


def show(krait, path):
    expected = cpython_dump(path)
    if expected is None:
        print(f"CPython cannot compile {path}")
        return 1
    ok, got = krait_dump(krait, path)
    if not ok:
        print(f"krait failed: {got}")
        return 1
    diff = list(difflib.unified_diff(expected.splitlines(), got.splitlines(), "cpython", "krait", lineterm="", n=2))
    print("\n".join(diff) if diff else "identical")
    return 1 if diff else 0


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--krait", default="build/krait")
    ap.add_argument("--sample", type=int, default=1, help="check every N-th file")
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--show", metavar="FILE", help="print the diff of the two dumps of FILE")
    ap.add_argument("--list-failing", action="store_true", help="print only the paths that differ")
    ap.add_argument("--max-shown", type=int, default=3, help="differing code objects shown per file")
    ap.add_argument("--field", help="show only code objects whose first difference is this field (e.g. co_consts)")
    ap.add_argument("filters", nargs="*", help="only files whose path contains one of these")
    args = ap.parse_args()
    krait = os.path.abspath(args.krait)
    if args.show:
        return show(krait, args.show)
    files = stdlib_files(args.sample, args.filters)
    work = [(krait, f) for f in files]
    with Pool(args.jobs) as pool:
        results = pool.map(check_file, work, chunksize=4)
    identical = compiled = 0
    categories = collections.Counter()
    by_code_object = collections.Counter()
    errors = collections.Counter()
    for path, status, detail in results:
        if status == "skipped":
            continue
        compiled += 1
        if status == "same":
            identical += 1
            continue
        if args.list_failing:
            print(path)
            continue
        if status == "error":
            print(f"ERROR {path}: {detail}")
            message = detail.split("|")[-1].strip()
            errors[message[:100]] += 1
            categories["krait error"] += 1
            continue
        categories[category(detail[0][1])] += 1
        by_code_object.update(category(d[1]) for d in detail)
        count = len(detail)
        if args.field:
            detail = [d for d in detail if category(d[1]) == args.field]
            if not detail:
                continue
        print(f"DIFF {path}: {count} code object(s)")
        for head, field, exp, got in detail[:args.max_shown]:
            print(f"    {head}: {field}\n        cpython: {short(exp)}\n        krait:   {short(got)}")
    if not args.list_failing:
        print("\nfirst differing field, by file:")
        for name, count in categories.most_common():
            print(f"    {count:5d}  {name}")
        print("first differing field, by code object:")
        for name, count in by_code_object.most_common():
            print(f"    {count:5d}  {name}")
        if errors:
            print("krait errors:")
            for message, count in errors.most_common(15):
                print(f"    {count:5d}  {message}")
        print(f"{identical} of {compiled} files identical")
    return 0 if identical == compiled else 1


if __name__ == "__main__":
    sys.exit(main())
