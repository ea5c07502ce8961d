#!/usr/bin/python3.11
"""Extracts the example programs of a seed document (../shared/seeds/*.txt) into NAME_NN.py files.

    tests/extract_seeds.py SEED.txt tests/cases/seeds PREFIX

The article's examples run one after another in the reader's session, so later blocks use
`dis` imported by an earlier one; a block that uses a module it does not import gets the import
prepended (the only change made to the text).

The seeds are articles: prose, then code blocks ended by "Enter fullscreen mode Exit fullscreen
mode", each followed by an "Output:" block. A code block starts after the last prose line before
it (prose: an unindented sentence outside any triple-quoted string).
"""
import re
import sys

MARKER = "Enter fullscreen mode Exit fullscreen mode"
CODE_START = re.compile(
    r'^(def |class |import |from |print\(|for |if |elif |else:|while |try:|except|finally:|with |'
    r'return|@|#|"""|[\]\)\}]|[A-Za-z_][A-Za-z_0-9.]*(\[.*\])?\s*(=|\(|\+=|-=)|[A-Za-z_][A-Za-z_0-9]*, )')


def is_prose(line):
    if not line or line[0].isspace() or CODE_START.match(line):
        return False
    return len(line.split()) >= 3


def extract(text):
    programs, block, in_string, in_output = [], [], False, False
    for line in text.splitlines():
        if line.strip() == MARKER:
            if not in_output and any(l.strip() for l in block):
                programs.append("\n".join(block).strip("\n") + "\n")
            block, in_string, in_output = [], False, False
            continue
        if in_output:
            continue
        if line.strip() == "Output:" and not in_string:
            in_output, block = True, []
            continue
        if not in_string and is_prose(line):
            block, in_output = [], False
            continue
        block.append(line)
        if line.count('"""') % 2 == 1:
            in_string = not in_string
    return programs


SESSION_IMPORTS = ("dis", "sys", "time", "marshal", "types")


def with_session_imports(program):
    missing = [m for m in SESSION_IMPORTS
               if re.search(rf"\b{m}\.", program) and not re.search(rf"^\s*import {m}\b", program, re.M)]
    return "".join(f"import {m}\n" for m in missing) + program


def main():
    seed, outdir, prefix = sys.argv[1:4]
    with open(seed, encoding="utf-8") as f:
        programs = extract(f.read())
    for i, program in enumerate(programs):
        with open(f"{outdir}/{prefix}_{i:02d}.py", "w", encoding="utf-8") as f:
            f.write(with_session_imports(program))
    print(f"{len(programs)} programs")


if __name__ == "__main__":
    main()
