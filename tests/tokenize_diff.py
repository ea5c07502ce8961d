#!/usr/bin/python3.11
"""Differential test of krait's tokenizer against CPython 3.11's.

For every .py file under a directory (default /usr/lib/python3.11) that
CPython can compile, compares `krait --tokenize FILE` with the token stream
of Python's `tokenize` module, adjusted to what CPython's C tokenizer gives
its parser (which is what krait reproduces):

  - COMMENT, NL and ENCODING tokens are dropped (the parser never sees them);
  - columns are UTF-8 byte offsets, not characters;
  - NEWLINE is zero-width at the '\\n', or starts at the comment that
    precedes it on the same line (the C tokenizer's NEWLINE spans it);
  - OP tokens get their exact type (token.tok_name[exact_type]);
  - NAME tokens that are hard keywords carry krait's Keyword number.

Prints one line per differing file (first difference) and, at the end,
"N identical files / M compared".

Usage: tests/tokenize_diff.py [--krait build/krait] [--limit N] [-v] [DIR|FILE ...]
Must run under /usr/bin/python3.11 (the reference).
"""
import argparse
import io
import keyword
import os
import subprocess
import sys
import token
import tokenize
import warnings

# krait's Keyword enum order (src/parse/token.h), 1-based.
KEYWORDS = ["False", "None", "True", "and", "as", "assert", "async", "await", "break",
            "class", "continue", "def", "del", "elif", "else", "except", "finally", "for",
            "from", "global", "if", "import", "in", "is", "lambda", "nonlocal", "not", "or",
            "pass", "raise", "return", "try", "while", "with", "yield"]
KW_INDEX = {k: i + 1 for i, k in enumerate(KEYWORDS)}
assert sorted(KEYWORDS) == sorted(keyword.kwlist)


def escape(text):
    return text.replace("\\", "\\\\").replace("\n", "\\n")


def expected_tokens(data):
    """The C tokenizer's token stream, derived from the tokenize module."""
    encoding, _ = tokenize.detect_encoding(io.BytesIO(data).readline)
    text = data.decode(encoding)
    if text.startswith("\ufeff"):
        text = text[1:]
    # Lines as krait sees them: newlines normalised, a final newline added.
    norm = text.replace("\r\n", "\n").replace("\r", "\n")
    if not norm.endswith("\n"):
        norm += "\n"
    lines = norm.split("\n")

    def bcol(row, col):
        if row - 1 >= len(lines):
            return col
        return len(lines[row - 1][:col].encode("utf-8"))

    # Tokenize the text krait tokenizes (decoded, newline-normalised).
    toks = list(tokenize.generate_tokens(io.StringIO(norm).readline))
    # The tokenize module's regular expressions know fewer identifier
    # characters than the C tokenizer (which takes every non-ASCII character
    # into the name and checks XID_Continue): glue such pieces back on.
    merged = []
    for tok in toks:
        if (merged and tok.type in (tokenize.ERRORTOKEN, tokenize.NAME)
                and merged[-1].type == tokenize.NAME and merged[-1].end == tok.start
                and (ord(tok.string[0]) >= 128 or ord(merged[-1].string[-1]) >= 128)):
            last = merged[-1]
            merged[-1] = last._replace(string=last.string + tok.string, end=tok.end)
            continue
        merged.append(tok)
    out = []
    prev = None
    for tok in merged:
        typ = tok.type
        if typ in (tokenize.COMMENT, tokenize.NL, tokenize.ENCODING):
            prev = tok
            continue
        (sr, sc), (er, ec) = tok.start, tok.end
        s = tok.string
        if typ == tokenize.OP:
            name = token.tok_name[tok.exact_type]
        else:
            name = token.tok_name[typ]
        kw = KW_INDEX.get(s, 0) if typ == tokenize.NAME else 0
        if typ == tokenize.NEWLINE:
            # Zero width at the '\n'; from the comment when one precedes it.
            er, ec = sr, sc
            if prev is not None and prev.type == tokenize.COMMENT and prev.start[0] == sr:
                sc = prev.start[1]
            s = lines[sr - 1][sc:ec]
        out.append("%d,%d-%d,%d: %s kw=%d '%s'" % (sr, bcol(sr, sc), er, bcol(er, ec), name, kw,
                                                  escape(s)))
        prev = tok
    return out


def compiles(data):
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            compile(data, "f", "exec", dont_inherit=True)
        return True
    except (SyntaxError, ValueError):
        return False


def iter_files(paths):
    for p in paths:
        if os.path.isdir(p):
            for root, dirs, files in os.walk(p):
                dirs.sort()
                for f in sorted(files):
                    if f.endswith(".py"):
                        yield os.path.join(root, f)
        else:
            yield p


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--krait", default=os.path.join(os.path.dirname(__file__), "..", "build", "krait"))
    ap.add_argument("--limit", type=int, default=0)
    ap.add_argument("-v", action="store_true", help="show every difference in full")
    ap.add_argument("paths", nargs="*", default=["/usr/lib/python3.11"])
    args = ap.parse_args()

    same = total = 0
    for path in iter_files(args.paths):
        try:
            with open(path, "rb") as f:
                data = f.read()
        except OSError:
            continue
        if not compiles(data):
            continue
        try:
            want = expected_tokens(data)
        except (SyntaxError, tokenize.TokenError, UnicodeDecodeError, IndentationError):
            continue  # the tokenize module cannot tokenize it
        total += 1
        r = subprocess.run([args.krait, "--tokenize", path], capture_output=True)
        got = r.stdout.decode("utf-8", "replace").splitlines()
        if got == want and r.returncode == 0:
            same += 1
        else:
            diff = next((i for i, (a, b) in enumerate(zip(got, want)) if a != b),
                        min(len(got), len(want)))
            print("DIFF %s (token %d, rc %d)" % (path, diff, r.returncode))
            print("  krait:    %s" % (got[diff] if diff < len(got) else "<end>"))
            print("  expected: %s" % (want[diff] if diff < len(want) else "<end>"))
            if r.returncode and r.stderr:
                print("  " + r.stderr.decode("utf-8", "replace").strip().replace("\n", "\n  "))
        if args.limit and total >= args.limit:
            break
    print("%d identical files / %d compared" % (same, total))
    return 0 if same == total else 1


if __name__ == "__main__":
    sys.exit(main())
