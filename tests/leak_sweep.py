"""Runs every differential case under a krait built with -DKRAIT_REFCHECK=ON and collects the
leak reports it prints at exit.

    python3 tests/leak_sweep.py --krait build-refcheck/krait [filters...] [--verbose]

A case runs exactly as tests/harness.py runs it (from tests/cases, argv[0] "python", a clean
environment). The refcheck build prints, at exit,
    [refcheck] N objects leaked (allocated minus freed, not reachable from a root)
    [refcheck]   <type>  <count>
minus what an empty program reports (the baseline, printed first), where the roots are what stays alive by design until exit (see src/runtime/memory.cpp:
sys.modules and everything reachable from it, interned strings, immortal objects, objects held
by the runtime's own static caches). This script prints, per type, how many cases leaked
objects of that type (and how many objects in all), then the count of cases with leaks.
Cases that end through os._exit or a signal print no report and are listed apart.
"""
import argparse
import os
import re
import sys
from collections import Counter

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import harness  # noqa: E402

HEAD = re.compile(rb"^\[refcheck\] (\d+) objects leaked", re.M)
LINE = re.compile(rb"^\[refcheck\]   (\S+)\s+(-?\d+)$", re.M)
OVERCOUNT = re.compile(rb"^\[refcheck\] (\S+) object .*more references from containers", re.M)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--krait", default="build-refcheck/krait")
    ap.add_argument("--verbose", action="store_true", help="list the leaking cases")
    ap.add_argument("filters", nargs="*")
    args = ap.parse_args()

    # What an empty program leaves unexplained (namespaces of static types that no module shows
    # and that have no descriptor or instance alive) is the baseline, subtracted per type.
    baseline = Counter()
    empty = harness.subprocess.run([args.krait, "-c", "pass"], capture_output=True, env=harness.clean_env())
    for m in LINE.finditer(empty.stderr):
        baseline[m.group(1).decode()] = int(m.group(2))
    print("baseline (an empty program): " + (", ".join(f"{t} {n}" for t, n in sorted(baseline.items())) or "none"),
          flush=True)

    cases_by_type = Counter()
    objects_by_type = Counter()
    overcount_types = Counter()
    leaking, silent = [], []
    cases = harness.discover(args.filters)
    for case in cases:
        res = harness.run_case(args.krait, case)
        for m in OVERCOUNT.finditer(res.stderr):
            overcount_types[m.group(1).decode()] += 1
        head = HEAD.search(res.stderr)
        if head is None:
            silent.append(case.name)
            continue
        types = {m.group(1).decode(): int(m.group(2)) for m in LINE.finditer(res.stderr[head.start():])}
        types = {t: n - baseline[t] for t, n in types.items() if n > baseline[t]}
        if not types:
            continue
        leaking.append((case.name, types))
        for name, n in types.items():
            cases_by_type[name] += 1
            objects_by_type[name] += n

    print(f"{len(cases)} cases run, {len(silent)} without a report (os._exit, signal, timeout)")
    if cases_by_type:
        print("leaked objects by type: cases  objects")
        for name, n in cases_by_type.most_common():
            print(f"  {name:32} {n:5}  {objects_by_type[name]:7}")
    if overcount_types:
        print("types seen with more references from containers than their refcount (missing incref):")
        for name, n in overcount_types.most_common():
            print(f"  {name:32} {n:5} cases")
    if args.verbose:
        for name, types in leaking:
            print(f"  {name}: " + ", ".join(f"{t} {n}" for t, n in sorted(types.items())))
        for name in silent:
            print(f"  {name}: no report")
    print(f"cases with leaks: {len(leaking)}")
    return 1 if leaking else 0


if __name__ == "__main__":
    sys.exit(main())
