#!/usr/bin/python3.11
"""Seeds for fuzz/pyc_fuzzer (a marshalled object per file) in fuzz/corpus-pyc/:

    fuzz/make_pyc_corpus.py [--krait-pyc DIR ...]

- the bodies of real krait .pyc files (header and CRC trailer stripped), from each DIR given
  (e.g. build-x/krait-frozen, a __pycache__) — krait's writer's bytes;
- marshal.dumps, versions 0-4, of CPython's code objects for small stdlib modules and of each
  function/class body inside them (krait writes the same bytes for the same code);
- marshal.dumps of values of every marshallable type a constant can hold, nested and shared.

Seeds above 16 KiB are skipped so that libFuzzer's mutations stay fast.
"""
import argparse
import glob
import hashlib
import marshal
import os
import sys

if os.path.realpath(sys.executable) != os.path.realpath("/usr/bin/python3.11"):
    os.execv("/usr/bin/python3.11", ["/usr/bin/python3.11"] + sys.argv)

HERE = os.path.dirname(os.path.abspath(__file__))
MAX_SEED = 16 * 1024


def save(out, data):
    if 0 < len(data) <= MAX_SEED:
        with open(os.path.join(out, hashlib.sha1(data).hexdigest()), "wb") as f:
            f.write(data)
        return 1
    return 0


def code_objects(code):
    yield code
    for c in code.co_consts:
        if isinstance(c, type(code)):
            yield from code_objects(c)


def values():
    big = 2**200 + 12345
    s = "shared"
    t = (1, s, s)
    yield from [None, True, False, Ellipsis, 0, 1, -1, 2**31, -2**63, big, -big, 1.5, -0.0,
                float("inf"), 1e308, 3 + 4j, "", "a", "é€😀", "x" * 300, b"", b"\x00\xff" * 40,
                (), (1,), t, (t, t), [1, [2, [3]]], {1: 2, "k": (3,)}, {1, 2, 3},
                frozenset({"a", "b"}), frozenset(), ((((((1,),),),),),), [s, s, s], StopIteration]


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--krait-pyc", action="append", default=[], help="a directory of krait .pyc files")
    ap.add_argument("--out", default=os.path.join(HERE, "corpus-pyc"))
    args = ap.parse_args()
    os.makedirs(args.out, exist_ok=True)
    n = 0
    for d in args.krait_pyc:
        for path in glob.glob(os.path.join(d, "**", "*.pyc"), recursive=True):
            with open(path, "rb") as f:
                data = f.read()
            n += save(args.out, data[16:-4])
    for v in values():
        for version in range(5):
            try:
                n += save(args.out, marshal.dumps(v, version))
            except ValueError:
                pass
    stdlib = sorted(glob.glob("/usr/lib/python3.11/*.py"))
    for path in stdlib[::3]:
        with open(path, "rb") as f:
            source = f.read()
        try:
            code = compile(source, path, "exec", dont_inherit=True)
        except SyntaxError:
            continue
        n += save(args.out, marshal.dumps(code))
        for i, c in enumerate(code_objects(code)):
            if i % 4 == 0:
                n += save(args.out, marshal.dumps(c, 2 + i % 3))
    print(f"{n} seeds in {args.out}")


if __name__ == "__main__":
    main()
