#!/usr/bin/python3.11
"""Records CPython 3.11's co_linetable and co_exceptiontable, with the per-instruction
locations and handler ranges they encode, into tests/unit/data/assembler_cases.txt.

test_assembler.cpp re-encodes the locations and ranges with krait's writers and compares
the bytes. Run with /usr/bin/python3.11 (PYTHONHASHSEED=0)."""
import dis
import os
import sys

MODULES = ["argparse", "asyncio/tasks", "contextlib"]
OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "data", "assembler_cases.txt")


def code_objects(code):
    yield code
    for const in code.co_consts:
        if hasattr(const, "co_code"):
            yield from code_objects(const)


def instructions(code):
    """(location, size in code units) of each instruction, EXTENDED_ARGs and caches included."""
    raw = code.co_code
    positions = list(code.co_positions())
    result = []
    i = 0
    n = len(raw) // 2
    while i < n:
        start = i
        while raw[2 * i] == dis.opmap["EXTENDED_ARG"]:
            i += 1
        op = raw[2 * i]
        i += 1 + dis._inline_cache_entries[op]
        loc = tuple(-1 if v is None else v for v in positions[i - 1])
        result.append((loc, i - start))
    return result


def main():
    lines = []
    for name in MODULES:
        path = os.path.join("/usr/lib/python3.11", name + ".py")
        with open(path, encoding="utf-8") as f:
            top = compile(f.read(), path, "exec")
        for code in code_objects(top):
            entries = ";".join("%d,%d,%d,%d,%d" % (*loc, size) for loc, size in instructions(code))
            lines.append("linetable\t%d\t%s\t%s" % (code.co_firstlineno, entries,
                                                    code.co_linetable.hex() or "-"))
            if code.co_exceptiontable:
                ranges = ";".join("%d,%d,%d,%d,%d" % (e.start // 2, e.end // 2, e.target // 2,
                                                      e.depth, int(e.lasti))
                                  for e in dis._parse_exception_table(code))
                lines.append("exceptiontable\t%s\t%s" % (ranges, code.co_exceptiontable.hex()))
    with open(OUT, "w") as f:
        f.write("\n".join(lines) + "\n")
    print("%d cases written to %s" % (len(lines), OUT), file=sys.stderr)


if __name__ == "__main__":
    main()
