#!/usr/bin/python3.11
"""Corrupts every byte of a real krait .pyc in turn and imports the module each time.

    tests/pyc_corruption.py --krait build/krait

A module is imported once so that krait writes its cache; then, for every byte position of
that .pyc, a copy with the byte changed (xor 0xff) replaces the cache and a fresh krait process
imports the module and prints what it computes. Every run must print the module's correct
output: a damaged cache (bad magic, flags, timestamp, size, body or checksum) must be detected
and the module recompiled from its source, never run and never crash krait. The same is then
done with the source removed (a sourceless .pyc next to where the source was): each corrupted
file must give a clean Python exception (ImportError, EOFError or ValueError), never a crash,
except in the header's source-validation bytes (8-15), which a sourceless import does not read.
Last, each byte of the body is damaged with the checksum recomputed to match: the marshal reader
and the bytecode verifier must refuse the file or the code must run as Python code does (its
output or a traceback), never crash krait.

Prints one count line per mode; exit status 1 if any run misbehaved.
"""
import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import zlib

MODULE = '''
"""A module with a bit of everything a code object holds."""
import sys

TABLE = {"a": 1, "b": (2, 3.5, None), "c": frozenset({4})}


class Shape:
    sides = 0

    def __init__(self, name):
        self.name = name

    def describe(self):
        return f"{self.name} with {self.sides} sides"


class Square(Shape):
    sides = 4


def compute(n):
    total = 0
    for i in range(n):
        try:
            total += i * 2 if i % 3 else -i
        except ZeroDivisionError:
            total = 0
    return total, [x ** 2 for x in range(5)], Square("sq").describe()
'''

PROGRAM = "import target; print(target.compute(10), sorted(target.TABLE))"


def run(krait, cwd):
    env = {"PATH": "/usr/bin:/bin", "PYTHONHASHSEED": "0", "LC_ALL": "C.UTF-8"}
    return subprocess.run([krait, "-c", PROGRAM], cwd=cwd, env=env, capture_output=True, text=True, timeout=30)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--krait", default="build/krait")
    ap.add_argument("--step", type=int, default=1, help="corrupt every STEP-th byte (1: all)")
    args = ap.parse_args()
    krait = os.path.abspath(args.krait)
    failures = 0
    with tempfile.TemporaryDirectory(prefix="krait-pyc-corruption-") as root:
        with open(os.path.join(root, "target.py"), "w") as f:
            f.write(MODULE)
        first = run(krait, root)
        if first.returncode != 0:
            print("the module does not run under krait:\n" + first.stderr)
            return 1
        expected = first.stdout
        cache_dir = os.path.join(root, "__pycache__")
        names = os.listdir(cache_dir) if os.path.isdir(cache_dir) else []
        if len(names) != 1:
            print(f"expected one cache file, found {names}")
            return 1
        cache = os.path.join(cache_dir, names[0])
        with open(cache, "rb") as f:
            good = f.read()

        # With the source: every corruption must be detected and the module recompiled.
        checked = 0
        for pos in range(0, len(good), args.step):
            damaged = bytearray(good)
            damaged[pos] ^= 0xFF
            with open(cache, "wb") as f:
                f.write(damaged)
            res = run(krait, root)
            checked += 1
            if res.returncode != 0 or res.stdout != expected:
                failures += 1
                print(f"with source, byte {pos}: exit {res.returncode}\n{res.stdout}{res.stderr}")
        print(f"with source: {checked - failures} of {checked} corruptions recompiled correctly")

        # Without the source: a sourceless .pyc; corruption must give a clean exception.
        os.remove(os.path.join(root, "target.py"))
        shutil.rmtree(cache_dir)
        sourceless = os.path.join(root, "target.pyc")
        bad_runs = 0
        checked = 0
        for pos in range(0, len(good), args.step):
            damaged = bytearray(good)
            damaged[pos] ^= 0xFF
            with open(sourceless, "wb") as f:
                f.write(damaged)
            res = run(krait, root)
            checked += 1
            clean = res.returncode == 1 and any(
                line.startswith(("ImportError", "EOFError", "ValueError")) for line in res.stderr.splitlines())
            # Bytes 8-15 (source mtime and size, or the source hash) validate a .pyc against its
            # source; without a source they are not read, so the module runs as it should.
            if 8 <= pos < 16 and res.returncode == 0 and res.stdout == expected:
                clean = True
            if not clean:
                bad_runs += 1
                print(f"sourceless, byte {pos}: exit {res.returncode}\n{res.stdout}{res.stderr}")
        print(f"sourceless: {checked - bad_runs} of {checked} corruptions refused cleanly")
        failures += bad_runs

        # Past the checksum: the body damaged and the trailer recomputed to match, so that the
        # marshal reader and the bytecode verifier are all that stand between the bytes and the
        # VM. Each run must end as a Python program does (its output, or a traceback and exit
        # 1), never by a signal or an internal error.
        bad_runs = 0
        checked = 0
        body_end = len(good) - 4
        for pos in range(16, body_end, args.step):
            damaged = bytearray(good)
            damaged[pos] ^= 0xFF
            damaged[body_end:] = zlib.crc32(bytes(damaged[16:body_end])).to_bytes(4, "little")
            with open(sourceless, "wb") as f:
                f.write(damaged)
            res = run(krait, root)
            checked += 1
            lines = res.stderr.splitlines()
            ended_cleanly = res.returncode == 0 or (
                res.returncode == 1 and lines and lines[0].startswith("Traceback") and "SystemError" not in lines[-1])
            if not ended_cleanly:
                bad_runs += 1
                print(f"body past the checksum, byte {pos}: exit {res.returncode}\n{res.stdout}{res.stderr[-2000:]}")
        print(f"body past the checksum: {checked - bad_runs} of {checked} damaged bodies ended cleanly")
        failures += bad_runs
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
