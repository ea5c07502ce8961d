#!/usr/bin/python3.11
"""krait's test suite: C++ unit tests, differential cases, a stdlib AST sample.

    /usr/bin/python3.11 tests/run.py --krait build/krait --build-dir build
    tests/run.py ... -k syntax_errors/indent     # only cases whose name contains this
    tests/run.py ... --no-unit --no-ast          # only the differential cases

1. <build-dir>/krait_unit_tests (GoogleTest), if built: one count per test.
2. Every case under tests/cases (see tests/harness.py): krait's exit code,
   stdout and stderr against those recorded from CPython 3.11, byte for byte.
3. `krait --dump-ast` against CPython's ast.dump on every --ast-sample-th .py
   file of /usr/lib/python3.11 (the full sweep is tests/ast_sweep.py).
4. The instruction table (opcodes.def) against CPython's opcode module and
   _opcode.stack_effect (tests/opcode_table.py).
5. Constant folding: co_consts and co_code of modules of folded expressions
   against CPython's (tests/fold_check.py).
6. marshal: `krait --marshal-code` against CPython's marshal.dumps(compile(...)) and the
   load/dump round trip on every --marshal-sample-th stdlib file (tests/marshal_sweep.py).
6. 110,000 random arithmetic/formatting/conversion cases against CPython's recorded
   output (tests/numeric_cases.py; skipped while krait cannot run `print(1)`).

Failures are printed with a short diff; the last line is `N passed, N failed`
and the exit status is 1 when anything failed.
"""
import argparse
import difflib
import json
import os
import subprocess
import sys
import tempfile
from concurrent.futures import ThreadPoolExecutor

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import ast_sweep  # noqa: E402  (re-executes under /usr/bin/python3.11 only when run as a script)
import harness  # noqa: E402
import numeric_cases  # noqa: E402
import fold_check  # noqa: E402
import marshal_sweep  # noqa: E402
import opcode_table  # noqa: E402

MAX_DIFF_LINES = 24


def run_unit_tests(build_dir, filters):
    """Returns (passed, failed, failure reports); nothing when the binary is absent."""
    binary = os.path.join(build_dir, "krait_unit_tests")
    if filters or not os.path.exists(binary):
        return 0, 0, []
    with tempfile.TemporaryDirectory() as tmp:
        report = os.path.join(tmp, "report.json")
        p = subprocess.run([binary, f"--gtest_output=json:{report}"], capture_output=True, timeout=600)
        if not os.path.exists(report):  # crashed before writing its report
            out = (p.stdout + p.stderr).decode("utf-8", "replace").splitlines()
            return 0, 1, [f"FAIL unit tests: exit {p.returncode}\n" + "\n".join(out[-MAX_DIFF_LINES:])]
        with open(report) as f:
            data = json.load(f)
    passed, failed, reports = 0, 0, []
    for suite in data.get("testsuites", []):
        for test in suite.get("testsuite", []):
            name = f"{suite['name']}.{test['name']}"
            if test.get("failures"):
                failed += 1
                msgs = "\n".join(fl.get("failure", "") for fl in test["failures"]).splitlines()
                reports.append(f"FAIL unit {name}\n" + "\n".join("    " + m for m in msgs[:MAX_DIFF_LINES]))
            else:
                passed += 1
    if p.returncode != 0 and failed == 0:  # e.g. a crash in teardown
        failed += 1
        reports.append(f"FAIL unit tests: exit {p.returncode}")
    return passed, failed, reports


def shorten(line, diff, width=160):
    """Long diff lines (deep nesting, long source lines) are cut around the
    first column where a removed and an added line differ, so the difference stays visible."""
    if len(line) <= width:
        return line
    minus = next((d for d in diff if d.startswith("-") and not d.startswith("---")), "")
    plus = next((d for d in diff if d.startswith("+") and not d.startswith("+++")), "")
    n = 1
    while n < min(len(minus), len(plus)) and minus[n] == plus[n]:
        n += 1
    start = max(1, min(n - width // 2, len(line) - width))
    return line[0] + ("..." if start > 1 else "") + line[start:start + width] + ("..." if start + width < len(line) else "")


def case_diff(case, expected, got):
    diff = list(difflib.unified_diff(expected.text().splitlines(), got.text().splitlines(),
                                     "cpython", "krait", lineterm="", n=2))
    if len(diff) > MAX_DIFF_LINES:
        diff = diff[:MAX_DIFF_LINES] + [f"... ({len(diff) - MAX_DIFF_LINES} more diff lines)"]
    if not diff:  # differs only in bytes the text view hides (e.g. invalid UTF-8)
        diff = ["(outputs differ in undecodable bytes)"]
    shortened = ["    " + shorten(line, diff) for line in diff]
    return f"FAIL {case.name}\n" + "\n".join(shortened)


def load_pending():
    """Cases listed in tests/cases/pending.txt: recorded from CPython, not yet expected to pass.

    Each line names a case (comments after '#'). A pending case that fails is counted apart,
    not as a failure; one that passes is reported so that it can leave the list. The list
    only shrinks as krait grows: every case in it must be one CPython's output was recorded for.
    """
    path = os.path.join(harness.CASES_DIR, "pending.txt")
    if not os.path.exists(path):
        return set()
    with open(path, encoding="utf-8") as f:
        return {line.split("#")[0].strip() for line in f} - {""}


def prune_pending(passing):
    """Removes cases that now pass from tests/cases/pending.txt (comments and order kept)."""
    path = os.path.join(harness.CASES_DIR, "pending.txt")
    with open(path, encoding="utf-8") as f:
        lines = f.readlines()
    keep = [line for line in lines if line.split("#")[0].strip() not in passing]
    with open(path, "w", encoding="utf-8") as f:
        f.writelines(keep)
    print(f"   removed {len(lines) - len(keep)} passing cases from tests/cases/pending.txt")


def run_cases(krait, filters, jobs, prune=False):
    cases = harness.discover(filters)
    pending = load_pending()

    def one(case):
        if not os.path.exists(case.path(".expected")):
            return f"FAIL {case.name}: no .expected file (run tests/record.py)"
        expected = case.expected()
        got = harness.run_case(krait, case)
        return None if got == expected else case_diff(case, expected, got)

    with ThreadPoolExecutor(jobs) as pool:
        results = list(pool.map(one, cases))
    failures, still_pending, now_passing = [], 0, []
    for case, result in zip(cases, results):
        if case.name in pending:
            if result:
                still_pending += 1
            else:
                now_passing.append(case.name)
        elif result:
            failures.append(result)
    if pending:
        print(f"   pending cases: {still_pending} still fail, {len(now_passing)} now pass"
              + (" (remove from tests/cases/pending.txt: " + ", ".join(now_passing[:20]) + ")" if now_passing else ""))
    if prune and now_passing:
        prune_pending(set(now_passing))
    return len(cases) - len(failures) - still_pending, len(failures), failures


def run_ast_sample(krait, sample, jobs):
    files = ast_sweep.stdlib_files(sample)
    results = ast_sweep.check_files(krait, files, jobs)
    passed = sum(1 for _, s, _ in results if s == "same")
    failures = [f"FAIL ast {path}: {detail}" for path, s, detail in results if s == "differs"]
    return passed, len(failures), failures


def run_marshal_sample(krait, sample, jobs):
    """Byte-identical marshal output and round trip; files whose code object differs (the
    compiler's business, tests/compile_sweep.py) are not counted."""
    results = marshal_sweep.sweep(os.path.abspath(krait), marshal_sweep.stdlib_files(sample), jobs)
    passed, failures = 0, []
    for path, status, detail, round_trip, rt_detail in results:
        if status in ("skipped", "compiler"):
            continue
        if status == "same" and round_trip:
            passed += 1
            continue
        if status != "same":
            failures.append(f"FAIL marshal {path}: {status}: {detail}")
        if not round_trip:
            failures.append(f"FAIL marshal round trip {path}: {rt_detail}")
    return passed, len(failures), failures


TESTS_DIR = os.path.dirname(os.path.abspath(__file__))


def run_script(script, *args):
    """A check that is its own script: one pass when it exits 0, else one failure with its
    last lines."""
    proc = subprocess.run([harness.CPYTHON, os.path.join(TESTS_DIR, script)] + list(args),
                          capture_output=True, text=True)
    if proc.returncode == 0:
        return 1, 0, []
    tail = "\n    ".join((proc.stdout + proc.stderr).strip().splitlines()[-15:])
    return 0, 1, [f"FAIL {script}:\n    {tail}"]


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--krait", default="build/krait")
    ap.add_argument("--build-dir", default="build")
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--ast-sample", type=int, default=1,
                    help="check every N-th stdlib file (default 1: all of them, about 20 s on 2 cores)")
    ap.add_argument("--marshal-sample", type=int, default=8,
                    help="check marshal on every N-th stdlib file (default 8: about 8 s on 2 cores)")
    ap.add_argument("-k", dest="filters", action="append", default=[], help="only cases whose name contains this")
    ap.add_argument("--no-unit", action="store_true")
    ap.add_argument("--no-ast", action="store_true")
    ap.add_argument("--prune-pending", action="store_true",
                    help="remove the pending cases that now pass from tests/cases/pending.txt")
    ap.add_argument("--max-failures-shown", type=int, default=60)
    args = ap.parse_args()
    if os.path.realpath(sys.executable) != os.path.realpath(harness.CPYTHON):
        os.execv(harness.CPYTHON, [harness.CPYTHON] + sys.argv)
    if not os.path.exists(args.krait):
        print(f"no krait binary at {args.krait}")
        print("0 passed, 1 failed")
        return 1

    total_passed, total_failed, shown = 0, 0, 0
    sections = []
    if not args.no_unit:
        sections.append(("unit tests", lambda: run_unit_tests(args.build_dir, args.filters)))
    sections.append(("differential cases", lambda: run_cases(args.krait, args.filters, args.jobs, args.prune_pending)))
    if not args.filters:
        sections.append(("instruction table", lambda: opcode_table.check(args.krait)))
        sections.append(("constant folding", lambda: fold_check.check(os.path.abspath(args.krait))))
        sections.append((f"marshal (every {args.marshal_sample}th stdlib file)",
                         lambda: run_marshal_sample(args.krait, args.marshal_sample, args.jobs)))
        sections.append(("numeric cases", lambda: numeric_cases.check(args.krait, args.jobs)))
        krait = os.path.abspath(args.krait)
        sections.append(("marshal of generated values (tests/marshal_values.py)",
                         lambda: run_script("marshal_values.py", "--krait", krait)))
        sections.append(("-X trace and dis adaptive=True (tests/vm_views.py)",
                         lambda: run_script("vm_views.py", "--krait", krait)))
        sections.append(("corrupted .pyc files, every 3rd byte (tests/pyc_corruption.py)",
                         lambda: run_script("pyc_corruption.py", "--krait", krait, "--step", "3")))
    if not args.no_ast and not args.filters:
        label = "stdlib AST (every file)" if args.ast_sample == 1 else f"stdlib AST sample (every {args.ast_sample}th file)"
        sections.append((label,
                         lambda: run_ast_sample(args.krait, args.ast_sample, args.jobs)))
    for title, fn in sections:
        passed, failed, failures = fn()
        for report in failures:
            if shown < args.max_failures_shown:
                print(report)
            shown += 1
        print(f"== {title}: {passed} passed, {failed} failed", flush=True)
        total_passed += passed
        total_failed += failed
    if shown > args.max_failures_shown:
        print(f"({shown - args.max_failures_shown} more failures not shown; use -k or --max-failures-shown)")
    print(f"{total_passed} passed, {total_failed} failed")
    return 1 if total_failed else 0


if __name__ == "__main__":
    sys.exit(main())
