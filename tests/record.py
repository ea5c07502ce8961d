#!/usr/bin/python3.11
"""(Re-)records the expected results of the differential cases from CPython 3.11.

    /usr/bin/python3.11 tests/record.py              # every case
    /usr/bin/python3.11 tests/record.py syntax_errors/unclosed   # names containing these
    /usr/bin/python3.11 tests/record.py --missing    # only cases without .expected

Each case runs under /usr/bin/python3.11 exactly as tests/run.py runs krait (see
tests/harness.py) and its stdout, stderr and exit code go to <case>.expected.
"""
import argparse
import os
import sys
from concurrent.futures import ThreadPoolExecutor

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import harness  # noqa: E402


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("filters", nargs="*", help="record only cases whose name contains one of these")
    ap.add_argument("--missing", action="store_true", help="record only cases without a .expected file")
    ap.add_argument("--jobs", type=int, default=2)
    args = ap.parse_args()
    cases = harness.discover(args.filters)
    if args.missing:
        cases = [c for c in cases if not os.path.exists(c.path(".expected"))]

    def record(case):
        res = harness.run_case(harness.CPYTHON, case)
        old = None
        if os.path.exists(case.path(".expected")):
            with open(case.path(".expected"), "rb") as f:
                old = f.read()
        new = res.serialize()
        if new != old:
            with open(case.path(".expected"), "wb") as f:
                f.write(new)
        return case, old is not None and new != old

    changed = 0
    with ThreadPoolExecutor(args.jobs) as pool:
        for case, was_changed in pool.map(record, cases):
            if was_changed:
                changed += 1
                print(f"changed: {case.name}")
    print(f"recorded {len(cases)} cases ({changed} changed)")


if __name__ == "__main__":
    main()
