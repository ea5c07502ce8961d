#!/usr/bin/python3.11
"""Records what CPython 3.11 does with the tokenizer test cases into
tests/data/tokenizer_cases.txt, which tests/unit/test_tokenizer.cpp checks.

Three kinds of case, each source stored as hex (UTF-8 bytes):
  TOKENS  <hex>             then one "T <token line>" per token (the format
                            of `krait --tokenize`, derived from the tokenize
                            module as tests/tokenize_diff.py does)
  ERROR   <hex>             then "E <type>\\t<lineno>\\t<offset>\\t<end_lineno>\\t<end_offset>\\t<msg>"
                            from compile(source, 'f', 'exec'); end_lineno is
                            0 when CPython gives None
  DECODE  <mode> <hex>      mode "compile" (compile(bytes)) or "file" (running
                            the bytes as the file DIR/x.py); then "E ..." as above
                            (type/msg only are checked for "file") or "OK"

Run: /usr/bin/python3.11 tests/record_tokenizer_cases.py
"""
import os
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(__file__))
import tokenize_diff  # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "data", "tokenizer_cases.txt")

TOKEN_CASES = [
    "x = 1\n",
    "def f(a, *b, **c) -> int:\n    return a\n",
    "if x:\n    y\n  # c\n\n    z\nw\n",
    "if x:\n\tif y:\n\t\tz\n",
    "x = 1  # comment\n",
    "# only a comment\n",
    "",
    "x = (1,\n     2)\n",
    "x = [\n  1,\n\n  # c\n]\n",
    "x = 1 + \\\n    2\n",
    "s = '''a\nb\n  c''' + \"d\"\n",
    "s = 'a\\\nb'\n",
    "b'x' B\"y\" rb'z' Rb'z' bR'z' BR'z' br'' rB''\n",
    "f'x' F'y' fr'z' rf'z' Fr'z' fR'z' RF'z' u'z' U'z' r'z' R'z'\n",
    "ub'x'\n",
    "bu'x'\n",
    "ur'x'\n",
    "f'{x!r:>{w}}' f'''{\n y}'''\n",
    "1 1.5 .5 5. 1e10 1E-10 1e+5 1j 1.5J 0x1F 0X1f 0o17 0O7 0b101 0B1 1_000 0x_f 0o_7 0b_1 1_0.0_1e1_0j\n",
    "0 00 0_0 0.0 0e0 0j 00.5 007e1 09.5 0_9.5j\n",
    "1if x else 2\n",
    "1or 2\n",
    "0x1for x in y\n",
    "1else\n",
    "1in\n",
    "1isx\n",
    "1inx\n",
    "[1for x in y]\n",
    "a.b ... . .. x[1:2]\n",
    "a += 1; b -= 2; c *= 3; d /= 4; e //= 5; f %= 6; g @= 7; h &= 8; i |= 9; j ^= 10; k >>= 11; l <<= 12; m **= 13\n",
    "a == b != c <= d >= e < f > g << h >> i ** j // k -> l := m ~n\n",
    "async def f(): await x\n",
    "match x:\n    case _: pass\n",
    "True False None and as assert break class continue del elif else except finally for from global import in is lambda nonlocal not or pass raise return try while with yield\n",
    "é = 1\nnaïve = é\n",
    "x = 'é' + \"€\"  # ü\n",
    "\ufeffx = 1\n",
    "x = 1\r\ny = 2\r\n",
    "x = 1\ry = 2\r",
    "x = 1",
    "if x:\n  y",
    "if x:\n  y  # c",
    "\x0cx = 1\n",
    "if x:\n    \x0c  y\n",
    "x = (\n  1\n    )\n",
    "\\\nx\n",
    "x = 1 \\\n\n",
    "lambda: (yield)\n",
    "a = {1: 2}; b = [*c]\n",
    "print(1, end='')\n",
    "class A(B, metaclass=M):\n    '''doc'''\n    def f(self): ...\n",
    "x\n\n\n   \n\t\n",
    "if a:\n    if b:\n        c\n    d\n",
    "for i in range(3):\n    pass\nelse:\n    pass\n",
]

ERROR_CASES = [
    # numbers
    "1abc\n", "0_\n", "0777\n", "00777\n", "0_7\n", "1_000_\n", "1__0\n", "0x\n", "0xg\n", "0x_\n",
    "0x1g\n", "0x1_\n", "0o8\n", "0o\n", "0o18\n", "0o1_8\n", "0o19x\n", "0b2\n", "0b\n", "0b12\n", "0b1x\n",
    "1e\n", "1e+\n", "1e-x\n", "1ex\n", "1.e5x\n", "1.5x\n", "1jj\n", "1.5jx\n", "1_e5\n", "1e5_\n", "1e_5\n",
    "1.0_\n", "1._0\n", "0b1_\n", "x = 1abc\n", "x = 12€\n", "x = 0x1€\n", "1andy\n", "1ory\n", "1elsex\n", "1nota\n", "1fory\n",
    "0 if 1else 0x\n", "0.1_\n", "0e\n", "0j_\n", "0ox\n", "x = 'é' + 0777\n",
    # identifiers and stray characters
    "a€b\n", "€\n", "x = €\n", "a\u00a0b\n", "\u00a0\n", "a\x01\n", "\x7f\n", "x = “hello”\n",
    "x = 1\ny = a‑b\n", "é€ = 1\n", "\u200b\n", "\u0300x = 1\n", "x = 5€\n",
    # strings
    "'abc\n", "\"abc\n", "x = 'abc\n", "x='''abc\n\n", "x = \"\"\"abc\n\ndef\n", "x = f'abc\n",
    "x = rb'abc\n", "x = 'abc\\\n", "x = 'a\\\nbc\n", "s = '''\n'\n''\n", "x = 1\ny = 'é\n",
    "'\n", "x = '''\n", "'''\n'''\n'''\n",
    # brackets
    "x = )\n", "x = ]\n", "x = }\n", "(]\n", "(\n]\n", "[}\n", "{)\n", "f(a[1)]\n", "(1,\n", "x = (\n\n",
    "x = (1,\n  2", "x = [1,\n  {2:\n", "(" * 201 + ")" * 201 + "\n",
    "x = [\n(\n)\n)\n",
    # indentation
    "if x:\n  pass\n y\n", "if x:\n    pass\n  yy = 1\n", "if x:\n\ty\n        z\n",
    "if 1:\n        y\n\tz\n", "if 1:\n  \ty\n\t  z\n", "if 1:\n    x\n   \n  y\n",
    "".join(" " * i + "if 1:\n" for i in range(100)) + " " * 100 + "pass\n",
    # continuation
    "x = 1 \\ 2\n", "y=1\nx = 1 \\ 2\n", "x = \\\n", "x = \\\n  \\\n", "x = \\", "x = 1 \\# c\n",
    "x = (1 \\ 2)\n", "x = (1 \\\n", "x = 1 \\é\n", "\"\"\"abc\\\n", "if x:\n  y\n\\\n",
]

DECODE_CASES = [
    b"x = 1\n",
    b"\xef\xbb\xbfx = 1\n",
    b'x = "\xe9"\n',
    b"# comment\nx = 1\ny = '\xe9'\n",
    b"# -*- coding: latin-1 -*-\nx = '\xe9'\n",
    b"#!/usr/bin/python\n# vim: set fileencoding=latin-1 :\nx = '\xe9'\n",
    b"x = 1\n# coding: latin-1\ny = '\xe9'\n",
    b"# -*- coding: foo -*-\nx = 1\n",
    b"\xef\xbb\xbf# coding: latin-1\nx = 1\n",
    b"\xef\xbb\xbf# coding: utf-8\nx = 1\n",
    b"\xef\xbb\xbf# coding: UTF_8\nx = 1\n",
    b"# coding: ascii\nx = '\xe9'\n",
    b"# coding: ascii\nx = 'e'\n",
    b"# coding: utf-8\nx = 1\n",
    b"# coding=cp1252\nx = '\x80'\n",
    b"# coding: koi8-r\nx = '\xc1'\n",
    b"# coding: euc-jp\nx = '\xa4\xa2'\n",
    b"# coding: iso-8859-15\nx = '\xa4'\n",
    b"# coding: Latin-1\nx = '\xe9'\n",
    b"  # coding: latin-1\nx = '\xe9'\n",
    b"x = 1 # coding: latin-1\n",
    b"\n# coding: latin-1\nx = '\xe9'\n",
]


def error_line(e):
    return "E %s\t%s\t%s\t%s\t%s\t%s" % (type(e).__name__, e.lineno, e.offset,
                                          e.end_lineno if e.end_lineno is not None else 0,
                                          e.end_offset if e.end_offset is not None else 0,
                                          e.msg.replace("\n", "\\n"))


def main():
    out = []
    for src in TOKEN_CASES:
        # Token cases are valid for the tokenizer: CPython compiles them, or
        # only its parser rejects them.
        try:
            compile(src.encode("utf-8"), "f", "exec", dont_inherit=True)
        except SyntaxError as e:
            if e.msg != "invalid syntax":
                sys.exit("token case fails: %r: %s" % (src, e))
        out.append("TOKENS " + src.encode("utf-8").hex())
        for line in tokenize_diff.expected_tokens(src.encode("utf-8")):
            out.append("T " + line)
    for src in ERROR_CASES:
        try:
            compile(src, "f", "exec", dont_inherit=True)
            sys.exit("error case compiles: %r" % src)
        except SyntaxError as e:
            out.append("ERROR " + src.encode("utf-8").hex())
            out.append(error_line(e))
    with tempfile.TemporaryDirectory() as tmp:
        for data in DECODE_CASES:
            try:
                compile(data, "f", "exec", dont_inherit=True)
                res = "OK"
            except SyntaxError as e:
                res = error_line(e)
            out.append("DECODE compile " + data.hex())
            out.append(res)
            with open(os.path.join(tmp, "x.py"), "wb") as f:
                f.write(data)
            r = subprocess.run([sys.executable, "x.py"], cwd=tmp, capture_output=True, text=True)
            last = r.stderr.strip().splitlines()[-1] if r.returncode else ""
            out.append("DECODE file " + data.hex())
            if r.returncode == 0:
                out.append("OK")
            else:
                typ, _, msg = last.partition(": ")
                # CPython names the file by its absolute path.
                msg = msg.replace(os.path.join(os.path.realpath(tmp), "x.py"), "DIR/x.py")
                msg = msg.replace(os.path.join(tmp, "x.py"), "DIR/x.py")
                out.append("E %s\t0\t0\t0\t0\t%s" % (typ, msg))
    os.makedirs(os.path.dirname(OUT), exist_ok=True)
    with open(OUT, "w", encoding="utf-8") as f:
        f.write("\n".join(out) + "\n")
    print("wrote %d lines to %s" % (len(out), OUT))


if __name__ == "__main__":
    main()
