#!/usr/bin/python3.11
"""What krait shows of its VM beyond CPython, checked against krait's own documented format:

1. `krait -X trace FILE`: the program's output is CPython's; stderr has one line per executed
   instruction, `[trace] QUALNAME:LINE OFFSET OPNAME [OPARG]    stack: [...]`, with the value stack
   after the instruction (no stack when the next instruction runs in another frame), each line
   bounded whatever the values are.
2. `dis.dis(f, adaptive=True)` (CPython's dis, unchanged) after warm-up shows krait's specialized
   forms by CPython 3.11's names, and plain `dis.dis(f)` still shows co_code.

    tests/vm_views.py --krait build/krait      (exit 0 when everything holds)
"""
import argparse
import os
import re
import subprocess
import sys
import tempfile

CPYTHON = "/usr/bin/python3.11"

TRACED = """\
def add(a, b):
    return a + b
x = add(2, 3) * 4
big = list(range(10000))
label = "x" * 500
print(x, len(big), len(label))
"""

# The program's own instructions, in order, as -X trace must show them (offset, name, stack).
EXPECTED_TRACE = [
    ("<module>:3", "8 PUSH_NULL", "[NULL]"),
    ("<module>:3", "10 LOAD_NAME 0", "[NULL, <function add>]"),
    ("<module>:3", "12 LOAD_CONST 1", "[NULL, <function add>, 2]"),
    ("<module>:3", "14 LOAD_CONST 2", "[NULL, <function add>, 2, 3]"),
    ("add:1", "0 RESUME 0", "[]"),
    ("add:2", "2 LOAD_FAST 0", "[2]"),
    ("add:2", "4 LOAD_FAST 1", "[2, 3]"),
    ("add:2", "6 BINARY_OP_ADD_INT 0", "[5]"),
    ("add:2", "10 RETURN_VALUE", None),
    ("<module>:3", "30 LOAD_CONST 3", "[5, 4]"),
    ("<module>:3", "32 BINARY_OP_MULTIPLY_INT 5", "[20]"),
    ("<module>:3", "36 STORE_NAME 1", "[]"),
]

ADAPTIVE = """\
import dis
class Point:
    def __init__(self, x): self.x = x
    def get(self): return self.x
def f(p, items):
    total = 0
    for i in range(50):
        total = total + p.x + p.get() + items[0]
        if i < 10:
            total -= 1.0
    return total
for _ in range(3):
    f(Point(2), [1.5])
dis.dis(f, adaptive=True)
print("----")
dis.dis(f)
"""
EXPECTED_FORMS = ["LOAD_ATTR_WITH_HINT", "LOAD_METHOD_WITH_DICT", "CALL_PY_EXACT_ARGS", "BINARY_SUBSCR_LIST_INT",
                  "COMPARE_OP_INT_JUMP", "BINARY_OP_SUBTRACT_FLOAT", "LOAD_GLOBAL_BUILTIN"]


def run(argv, source):
    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(tmp, "prog.py")
        with open(path, "w") as f:
            f.write(source)
        env = {"PYTHONHASHSEED": "0", "PYTHONDONTWRITEBYTECODE": "1", "LC_ALL": "C.UTF-8", "PATH": "/usr/bin:/bin"}
        return subprocess.run(argv + [path], capture_output=True, text=True, env=env, timeout=60)


def check_trace(krait):
    problems = []
    k = run([krait, "-X", "trace"], TRACED)
    c = run([CPYTHON], TRACED)
    if k.stdout != c.stdout or k.returncode != c.returncode:
        problems.append(f"-X trace: program output {k.stdout!r} (exit {k.returncode}), CPython {c.stdout!r}")
    lines = [l for l in k.stderr.splitlines() if l.startswith("[trace] ")]
    shown = []
    for line in lines:
        m = re.match(r"\[trace\] (\S+) (\d+ [A-Z_]+(?: \d+)?)(?:    stack: (.*))?$", line)
        if not m:
            problems.append(f"-X trace: malformed line {line!r}")
            continue
        if m.group(1).startswith(("<module>", "add:")):
            shown.append((m.group(1), m.group(2), re.sub(r" at 0x[0-9a-f]+", "", m.group(3)) if m.group(3) else None))
    it = iter(shown)
    for expected in EXPECTED_TRACE:
        if expected not in it:
            problems.append(f"-X trace: missing or out of order: {expected}")
            break
    longest = max((len(l) for l in lines), default=0)
    if longest > 600:
        problems.append(f"-X trace: a line of {longest} characters (values must be shown briefly)")
    return problems


def check_adaptive(krait):
    problems = []
    k = run([krait], ADAPTIVE)
    if k.returncode != 0:
        return [f"dis adaptive: exit {k.returncode}: {k.stderr[-500:]}"]
    adaptive, _, plain = k.stdout.partition("----\n")
    for form in EXPECTED_FORMS:
        if form not in adaptive:
            problems.append(f"dis adaptive: {form} not shown after warm-up")
    c = run([CPYTHON], ADAPTIVE.replace("dis.dis(f, adaptive=True)", "dis.dis(f)"))
    if plain != c.stdout.partition("----\n")[2]:
        problems.append("dis without adaptive differs from CPython's (co_code must not change)")
    return problems


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--krait", default="build/krait")
    args = ap.parse_args()
    krait = os.path.abspath(args.krait)
    problems = check_trace(krait) + check_adaptive(krait)
    for p in problems:
        print(p)
    print("ok" if not problems else f"{len(problems)} problems")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
