#!/usr/bin/python3.11
"""Differential fuzzing of syntax errors: krait against CPython 3.11.

    tests/error_fuzz.py --krait build/krait [--count 2000] [--seed 1] [--keep DIR]

Takes snippets of real code from /usr/lib/python3.11, mutates them at the
token level (delete, duplicate, insert or replace a token), and for each
mutant CPython rejects, runs it as a file and with -c under both
interpreters and compares stderr and exit code. A mutant CPython accepts
must give the same AST. Programs are only ever run when CPython's compile()
has rejected them, so nothing is executed. Mismatches are printed (and saved
under --keep); the exit status is 1 when there is any.
"""
import argparse
import ast
import io
import os
import random
import subprocess
import sys
import tempfile
import tokenize

CPYTHON = "/usr/bin/python3.11"
if os.path.realpath(sys.executable) != os.path.realpath(CPYTHON):
    os.execv(CPYTHON, [CPYTHON] + sys.argv)

INSERTS = ["(", ")", "[", "]", "{", "}", ":", "=", ",", ";", ".", "*", "**", "->", ":=", "@", "if", "else",
           "for", "in", "not", "is", "lambda", "yield", "await", "async", "as", "from", "import", "return",
           "del", "pass", "1", "x", "'s'", "f'{x}'", "b'b'", "\\", "\n", "    ", "\t", "match", "case", "_",
           "print", "None", "True", "...", "+", "-", "~", "<", "==", "def", "class", "with", "try", "except",
           "global", "nonlocal", "raise", "assert", "0x", "1_", "1e", "'", '"', '"""', "#", "é", "$", "!"]


def snippets(rng, files):
    while True:
        path = rng.choice(files)
        try:
            lines = open(path, encoding="utf-8").read().splitlines(keepends=True)
        except (UnicodeDecodeError, OSError):
            continue
        if len(lines) < 3:
            continue
        start = rng.randrange(len(lines))
        # Start at an unindented line so most snippets are complete statements.
        while start > 0 and lines[start][:1] in (" ", "\t", "\n", "#"):
            start -= 1
        yield "".join(lines[start:start + rng.randint(1, 12)])


def mutate(rng, src):
    try:
        toks = [t for t in tokenize.generate_tokens(io.StringIO(src).readline)
                if t.type not in (tokenize.ENDMARKER, tokenize.DEDENT, tokenize.INDENT)]
    except (tokenize.TokenError, SyntaxError, IndentationError):
        return None
    if not toks:
        return None
    lines = src.splitlines(keepends=True)
    offsets = [0]
    for line in lines:
        offsets.append(offsets[-1] + len(line))
    t = rng.choice(toks)
    a = offsets[t.start[0] - 1] + t.start[1]
    b = offsets[t.end[0] - 1] + t.end[1]
    kind = rng.randrange(4)
    if kind == 0:
        return src[:a] + src[b:]
    if kind == 1:
        return src[:a] + src[a:b] + " " + src[a:b] + src[b:]
    ins = rng.choice(INSERTS)
    if kind == 2:
        return src[:a] + ins + " " + src[a:]
    return src[:a] + ins + src[b:]


def run(cmd, cwd):
    p = subprocess.run(cmd, cwd=cwd, capture_output=True, timeout=20,
                       env={"PYTHONHASHSEED": "0", "PYTHONDONTWRITEBYTECODE": "1", "LC_ALL": "C.UTF-8"})
    return p.returncode, p.stderr


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--krait", default="build/krait")
    ap.add_argument("--count", type=int, default=2000)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--keep", default=None)
    args = ap.parse_args()
    krait = os.path.abspath(args.krait)
    rng = random.Random(args.seed)
    files = []
    for d, _, fs in os.walk("/usr/lib/python3.11"):
        files.extend(os.path.join(d, f) for f in fs if f.endswith(".py"))
    files.sort()
    gen = snippets(rng, files)
    checked = mismatches = 0
    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(tmp, "case.py")
        while checked < args.count:
            src = mutate(rng, next(gen))
            if src is None or "\0" in src:
                continue
            checked += 1
            data = src.encode("utf-8")
            try:
                tree = ast.parse(data)
            except SyntaxError:
                tree = None
            except (ValueError, MemoryError, RecursionError):
                continue
            if tree is not None:
                with open(path, "wb") as f:
                    f.write(data)
                want = ast.dump(tree, include_attributes=True)
                got = subprocess.run([krait, "--dump-ast", path], capture_output=True).stdout.decode(
                    "utf-8", "replace").rstrip("\n")
                if got != want:
                    mismatches += 1
                    report(args, mismatches, src, "AST differs", "", "")
                continue
            with open(path, "wb") as f:
                f.write(data)
            modes = [("file", ["case.py"])]
            try:
                compile(src, "case", "exec")  # -c compiles text: a coding cookie means nothing there
            except SyntaxError:
                modes.append(("-c", ["-c", src]))
            except (ValueError, MemoryError, RecursionError):
                pass
            for mode, cmd_tail in modes:
                want = run([CPYTHON] + cmd_tail, tmp)
                got = run([krait] + cmd_tail, tmp)
                want_err = want[1].replace(tmp.encode(), b"DIR")
                got_err = got[1].replace(tmp.encode(), b"DIR")
                if (want[0], want_err) != (got[0], got_err):
                    mismatches += 1
                    report(args, mismatches, src, mode, want_err.decode("utf-8", "replace"),
                           got_err.decode("utf-8", "replace"))
                    break
    print(f"{checked} mutants, {mismatches} mismatches")
    return 1 if mismatches else 0


def report(args, n, src, mode, want, got):
    print(f"--- mismatch {n} ({mode})")
    print("source:", repr(src[:300]))
    print("cpython:", want.strip().replace("\n", "\n         "))
    print("krait:  ", got.strip().replace("\n", "\n         "))
    if args.keep:
        os.makedirs(args.keep, exist_ok=True)
        with open(os.path.join(args.keep, f"mismatch_{n:04d}.py"), "w") as f:
            f.write(src)


if __name__ == "__main__":
    sys.exit(main())
