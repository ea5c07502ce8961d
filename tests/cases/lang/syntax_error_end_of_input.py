# SyntaxError attributes at the end of input, where CPython 3.11 has no
# column (end_offset -1), and 'single' mode, which gets no final newline.
T = "try:\n    pass\n"
CASES = [
    ("try:\n    pass\n", "exec"), ("if x:", "exec"), ("  1", "exec"), ("a\n  b", "exec"),
    ("f'{}'", "eval"), ("f'{a!x}'", "eval"), ("f'{'", "eval"), ("b'\u00e9'", "eval"), ("' ' f'{#}'", "eval"),
    (" ", "eval"),
    ("1 +", "single"), ("if x", "single"), ("x = (1,\n2", "single"), ("class C: pass\nx", "single"),
    ("def f():\n  pass\nx", "single"), ("@d\ndef f(): pass", "single"), ("#c", "single"), ("  ", "single"),
    ("0x", "exec"), ("'abc", "exec"), ("f'{\n a b}'", "exec"),
    ("yield", "exec"), ("f'{yield}'", "eval"),
]
for src, mode in CASES:
    try:
        compile(src, "<s>", mode)
        print(repr(src), mode, "ok")
    except SyntaxError as e:
        print(repr(src), mode, type(e).__name__, repr(e.msg), e.lineno, e.offset, e.end_lineno, e.end_offset,
              repr(e.text))
