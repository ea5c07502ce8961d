#!/usr/bin/python3.11
"""The training workload of the profile-guided release build (scripts/build.sh).

    scripts/pgo-train.py --krait build-pgo-gen/krait

Runs an instrumented krait on: the benchmark programs of bench/programs with their sizes cut
down (every integer literal of 100 or more divided by SCALE), a script that imports and uses
common stdlib modules (twice: compiling and writing the .pyc cache, then reading it), and a
slice of the differential cases of tests/cases. Each process writes its counters to the profile
directory when it exits.

Exits non-zero, naming the program, if a benchmark program or the import script fails (a
crash or an error: the profile would not describe a working interpreter). The cases' exit
status is not checked: many of them end in an exception on purpose.
"""
import argparse
import os
import re
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
sys.path.insert(0, os.path.join(ROOT, "tests"))
import harness  # noqa: E402  (tests/harness.py: how a case is run)
SCALE = 25           # benchmark sizes divided by this (literals of 100 or more)
CASE_STRIDE = 2      # every 2nd case of tests/cases

IMPORT_SCRIPT = r'''
import argparse, collections, datetime, enum, fractions, functools, heapq, itertools, json, os
import pathlib, random, re, textwrap, io, struct, bisect, copy, tokenize, decimal, statistics
import difflib, base64, hashlib, traceback, shlex, fnmatch, calendar, ipaddress, html, contextlib
import urllib.parse, configparser, tempfile, weakref

class Color(enum.Enum):
    RED = 1
    GREEN = 2

Point = collections.namedtuple("Point", "x y")
data = {"points": [Point(i, i * i)._asdict() for i in range(200)], "name": "krait"}
text = json.dumps(data, indent=2, sort_keys=True)
assert json.loads(text) == data
words = re.findall(r"[a-z]+", textwrap.dedent(text) * 3)
counts = collections.Counter(words)
rng = random.Random(5)
values = [rng.random() for _ in range(2000)]
heapq.heapify(values)
tokens = list(tokenize.generate_tokens(io.StringIO(text).readline))
print(len(tokens), Color.GREEN, statistics.mean(range(100)), fractions.Fraction(3, 9),
      decimal.Decimal("1.10") * 3, difflib.SequenceMatcher(None, "abcd", "abxd").ratio(),
      base64.b64encode(b"krait"), hashlib.sha256(b"x").hexdigest()[:8],
      datetime.date(2024, 2, 29).isoformat(), shlex.split("a 'b c'"), fnmatch.fnmatch("a.py", "*.py"),
      pathlib.PurePosixPath("/a/b/c.py").suffix, functools.reduce(lambda a, b: a + b, range(50)),
      copy.deepcopy(data)["name"], struct.pack("<iq", 1, 2), bisect.bisect(list(range(0, 100, 3)), 50),
      calendar.isleap(2024), ipaddress.ip_address("10.0.0.1") + 1, html.escape("<a>"),
      urllib.parse.urlparse("http://x/y?z=1").query, sorted(counts.items())[:3])
cp = configparser.ConfigParser()
cp.read_string("[s]\nk = v\n")
p = argparse.ArgumentParser()
p.add_argument("--n", type=int, default=3)
print(p.parse_args(["--n", "7"]).n, cp["s"]["k"])
try:
    {}["missing"]
except KeyError:
    traceback.format_exc()
'''


def scale_source(source):
    """Divides every integer literal of 100 or more by SCALE (the benchmarks' sizes)."""
    def cut(match):
        value = int(match.group(0).replace("_", ""))
        return str(max(value // SCALE, 10)) if value >= 100 else match.group(0)
    return re.sub(r"(?<![\w.])\d[\d_]*(?![\w.])", cut, source)


def run(argv, timeout, **kwargs):
    env = dict(os.environ, PYTHONHASHSEED="0")
    return subprocess.run(argv, stdin=subprocess.DEVNULL, capture_output=True, timeout=timeout,
                          env=env, **kwargs)


def must_succeed(name, argv, **kwargs):
    proc = run(argv, timeout=300, **kwargs)
    if proc.returncode != 0:
        detail = proc.stderr.decode(errors="replace").strip().splitlines()[-5:]
        sys.exit(f"pgo-train: {name} failed (exit {proc.returncode}):\n  " + "\n  ".join(detail))


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--krait", required=True)
    args = ap.parse_args()
    krait = os.path.abspath(args.krait)
    start = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="krait-pgo-") as tmp:
        programs = os.path.join(ROOT, "bench", "programs")
        for name in sorted(os.listdir(programs)):
            if name.endswith(".py"):
                with open(os.path.join(programs, name)) as f:
                    scaled = os.path.join(tmp, name)
                    with open(scaled, "w") as out:
                        out.write(scale_source(f.read()))
                must_succeed("bench/programs/" + name, [krait, scaled])
        script = os.path.join(tmp, "imports.py")
        with open(script, "w") as f:
            f.write(IMPORT_SCRIPT)
        cache = os.path.join(tmp, "pycache")
        for _ in range(2):  # compiles and writes the cache, then loads from it
            must_succeed("the stdlib import script", [krait, "-X", "pycache_prefix=" + cache, script])
        # The cases run exactly as tests/run.py runs them (arguments, stdin, folder).
        for case in harness.discover()[::CASE_STRIDE]:
            harness.run_case(krait, case)
    print(f"pgo-train: done in {time.perf_counter() - start:.0f} s")


if __name__ == "__main__":
    main()
