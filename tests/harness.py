"""Differential test cases: layout, running, recording, comparing.

A case is a program under tests/cases/<area>/. It is run from tests/cases/
as `python <area>/<name>.py` (CPython 3.11 when recording, krait when
testing) and its stdout, stderr and exit code are compared byte for byte with
<area>/<name>.expected, recorded from /usr/bin/python3.11.

Optional files beside a case change how it runs:
  <name>.args   JSON list of command-line arguments used instead of
                ["<area>/<name>.py"] (CLI cases; the .py file may then be absent).
                "{case}" in an argument is replaced by "<area>/<name>.py".
  <name>.stdin  bytes fed to standard input (otherwise stdin is empty).
Folders whose name starts with "_" (e.g. imports/_trees/) are not cases: they hold files
the cases use, such as package trees to import.

  <name>.normalize  JSON list of [regex, replacement] pairs applied to stdout and stderr
                on both sides, for programs that print what no two runs share (timings):
                only the matched text is masked, everything else is still compared.

Both interpreters run with argv[0] == "python" (so usage messages that embed
the program name agree), in a clean environment (PYTHONHASHSEED=0,
PYTHONDONTWRITEBYTECODE=1, LC_ALL=C.UTF-8, PATH=/usr/bin:/bin, nothing else),
from the tests/cases directory. The absolute path of that directory, which
CPython prints for scripts (it makes the script path absolute), is written
as {CASES} in .expected files so that they do not depend on the checkout.
Object addresses (" at 0x7f3a..." in reprs such as <code object f at 0x...>) differ from run to
run and between implementations; both sides write them as " at 0x{ADDR}".

.expected format (sections sized in bytes so that any output round-trips,
yet readable in a diff):
    exit: 1
    stdout: 0 bytes
    stderr: 97 bytes
    <stdout bytes><stderr bytes>
"""
import json
import os
import re
import subprocess
from dataclasses import dataclass

CPYTHON = "/usr/bin/python3.11"
ADDRESS = re.compile(rb" at 0x[0-9a-f]+")
TESTS_DIR = os.path.dirname(os.path.abspath(__file__))
CASES_DIR = os.path.join(TESTS_DIR, "cases")
ROOT_TOKEN = b"{CASES}"
TIMEOUT = 10  # seconds per case; every recorded case runs in well under one under CPython


def clean_env():
    return {
        "PYTHONHASHSEED": "0",
        "PYTHONDONTWRITEBYTECODE": "1",
        "LC_ALL": "C.UTF-8",
        "PATH": "/usr/bin:/bin",
    }


@dataclass
class Result:
    exit: int
    stdout: bytes
    stderr: bytes

    def serialize(self) -> bytes:
        head = f"exit: {self.exit}\nstdout: {len(self.stdout)} bytes\nstderr: {len(self.stderr)} bytes\n"
        return head.encode() + self.stdout + self.stderr

    @staticmethod
    def parse(data: bytes) -> "Result":
        lines = data.split(b"\n", 3)
        exit_code = int(lines[0].split(b":")[1])
        n_out = int(lines[1].split(b":")[1].split()[0])
        n_err = int(lines[2].split(b":")[1].split()[0])
        body = lines[3] if len(lines) > 3 else b""
        if len(body) != n_out + n_err:
            raise ValueError("corrupt .expected file: section sizes do not add up")
        return Result(exit_code, body[:n_out], body[n_out:])

    def text(self) -> str:
        """For diffs: one readable block."""
        return (f"exit: {self.exit}\n--- stdout\n" + self.stdout.decode("utf-8", "backslashreplace")
                + "\n--- stderr\n" + self.stderr.decode("utf-8", "backslashreplace"))


@dataclass
class Case:
    name: str  # "<area>/<name>", relative to CASES_DIR, no extension

    def path(self, ext):
        return os.path.join(CASES_DIR, self.name + ext)

    def args(self):
        if os.path.exists(self.path(".args")):
            with open(self.path(".args")) as f:
                args = json.load(f)
            return [a.replace("{case}", self.name + ".py") for a in args]
        return [self.name + ".py"]

    def stdin(self):
        if os.path.exists(self.path(".stdin")):
            with open(self.path(".stdin"), "rb") as f:
                return f.read()
        return b""

    def normalizers(self):
        if os.path.exists(self.path(".normalize")):
            with open(self.path(".normalize")) as f:
                return [(re.compile(p.encode()), r.encode()) for p, r in json.load(f)]
        return []

    def expected(self):
        with open(self.path(".expected"), "rb") as f:
            return Result.parse(f.read())


def discover(filters=()):
    """Every case under tests/cases, sorted; `filters` are substrings of names."""
    names = set()
    for dirpath, dirs, files in os.walk(CASES_DIR):
        # Folders whose name starts with "_" hold what cases use (package trees to import).
        dirs[:] = [d for d in dirs if not d.startswith("_") and d != "__pycache__"]
        for f in files:
            base, ext = os.path.splitext(f)
            if ext in (".py", ".args"):
                rel = os.path.relpath(os.path.join(dirpath, base), CASES_DIR)
                names.add(rel.replace(os.sep, "/"))
    cases = [Case(n) for n in sorted(names)]
    if filters:
        cases = [c for c in cases if any(s in c.name for s in filters)]
    return cases


def run_case(executable, case: Case) -> Result:
    """Runs `executable` on the case as documented above, path-normalised."""
    try:
        p = subprocess.run(["python"] + case.args(), executable=os.path.abspath(executable),
                           input=case.stdin(), capture_output=True, env=clean_env(),
                           cwd=CASES_DIR, timeout=TIMEOUT)
        res = Result(p.returncode, p.stdout, p.stderr)
    except subprocess.TimeoutExpired as e:
        res = Result(-999, e.stdout or b"", (e.stderr or b"") + b"\n[timed out]\n")
    root = CASES_DIR.encode()
    res.stdout = res.stdout.replace(root, ROOT_TOKEN)
    res.stderr = res.stderr.replace(root, ROOT_TOKEN)
    res.stdout = ADDRESS.sub(b" at 0x{ADDR}", res.stdout)
    res.stderr = ADDRESS.sub(b" at 0x{ADDR}", res.stderr)
    for pattern, replacement in case.normalizers():
        res.stdout = pattern.sub(replacement, res.stdout)
        res.stderr = pattern.sub(replacement, res.stderr)
    return res
