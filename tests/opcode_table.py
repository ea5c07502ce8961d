#!/usr/bin/python3.11
"""krait's instruction table (src/bytecode/opcodes.def) against CPython 3.11's.

    tests/opcode_table.py --krait build/krait

Reads `krait --opcode-table` and compares, for every instruction of
/usr/lib/python3.11/opcode.py (specialized forms excluded): the name and number, the
inline cache entries (_inline_cache_entries), membership of hasconst, hasname, hasjrel,
haslocal, hascompare and hasfree, and the stack effect against _opcode.stack_effect for
jump=True and jump=False, with oparg 0..300 for instructions that take an argument.
krait's specialized forms must be CPython 3.11's (name, number as dis numbers them, and the
instruction they stand for), so that CPython's dis shows them with adaptive=True.
Prints each difference and `N passed, N failed` (one count per instruction); exit 1 on any.
tests/run.py calls check().
"""
import argparse
import opcode
import os
import subprocess
import sys

CPYTHON = "/usr/bin/python3.11"
if os.path.realpath(sys.executable) != os.path.realpath(CPYTHON) and __name__ == "__main__":
    os.execv(CPYTHON, [CPYTHON] + sys.argv)

import _opcode  # noqa: E402

# OpFlag bits of src/bytecode/opcodes.h and the opcode.py list each one stands for.
FLAG_LISTS = {
    "hasconst": 1 << 0,
    "hasname": 1 << 1,
    "haslocal": 1 << 2,
    "hasfree": 1 << 3,
    "hascompare": 1 << 4,
    "hasjrel": 1 << 5,
}
MAX_OPARG = 300


def read_krait_table(krait):
    out = subprocess.run([krait, "--opcode-table"], capture_output=True, text=True, check=True).stdout
    ops, effects, specialized = {}, {}, {}
    for line in out.splitlines():
        parts = line.split()
        if parts[0] == "sp":
            specialized[parts[1]] = (int(parts[2]), parts[3])
        elif parts[0] == "op":
            ops[parts[1]] = (int(parts[2]), int(parts[3]), int(parts[4]))
        elif parts[0] == "se":
            effects[(int(parts[1]), parts[2] == "1")] = [None if v == "None" else int(v) for v in parts[3:]]
    return ops, effects, specialized


def check_specialized(specialized):
    """The differences between krait's specialized forms and CPython 3.11's (a list of strings)."""
    import dis
    bases = {form: base for base, forms in opcode._specializations.items() for form in forms}
    problems = []
    for name, (number, base) in sorted(specialized.items()):
        if name not in dis._all_opmap:
            problems.append(f"{name}: not one of CPython 3.11's specialized forms")
        elif dis._all_opmap[name] != number or bases[name] != base:
            problems.append(f"{name}: krait {number} for {base}, CPython {dis._all_opmap[name]} for {bases[name]}")
    return problems


def cpython_effects(number, jump):
    if number < opcode.HAVE_ARGUMENT:
        return [_opcode.stack_effect(number, jump=jump)]
    return [_opcode.stack_effect(number, oparg, jump=jump) for oparg in range(MAX_OPARG + 1)]


def check_op(name, number, krait_ops, krait_effects):
    """The differences for one CPython instruction (a list of strings)."""
    if name not in krait_ops:
        return [f"{name} ({number}) missing from opcodes.def"]
    k_number, k_cache, k_flags = krait_ops[name]
    problems = []
    if k_number != number:
        return [f"{name}: number {k_number}, CPython {number}"]
    cache = opcode._inline_cache_entries[number]
    if k_cache != cache:
        problems.append(f"{name}: {k_cache} cache entries, CPython {cache}")
    for list_name, bit in FLAG_LISTS.items():
        in_cpython = number in getattr(opcode, list_name)
        in_krait = bool(k_flags & bit)
        if in_cpython != in_krait:
            problems.append(f"{name}: {'in' if in_krait else 'not in'} {list_name} in krait, "
                            f"{'in' if in_cpython else 'not in'} for CPython")
    for jump in (False, True):
        expected = cpython_effects(number, jump)
        got = krait_effects.get((number, jump))
        if got != expected:
            first = next((i for i, (e, g) in enumerate(zip(expected, got or [])) if e != g), 0)
            problems.append(f"{name}: stack effect (jump={jump}) oparg {first}: krait "
                            f"{(got or [None])[first] if got and first < len(got) else got}, CPython {expected[first]}")
    return problems


def check(krait):
    """(passed, failed, reports) over every CPython 3.11 instruction."""
    krait_ops, krait_effects, specialized = read_krait_table(krait)
    passed, reports = 0, []
    cpython_names = set()
    for name, number in sorted(opcode.opmap.items(), key=lambda kv: kv[1]):
        cpython_names.add(name)
        problems = check_op(name, number, krait_ops, krait_effects)
        if problems:
            reports.append("FAIL opcode " + "\n    ".join(problems))
        else:
            passed += 1
    problems = check_specialized(specialized)
    if problems:
        reports.append("FAIL specialized forms " + "\n    ".join(problems))
    else:
        passed += len(specialized)
    extra = sorted(set(krait_ops) - cpython_names)
    if extra:
        reports.append("FAIL opcode: krait has instructions CPython 3.11 lacks: " + ", ".join(extra))
    return passed, len(reports), reports


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--krait", default="build/krait")
    args = ap.parse_args()
    passed, failed, reports = check(args.krait)
    for r in reports:
        print(r)
    print(f"{passed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
