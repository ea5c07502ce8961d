"""CPython 3.11's side of krait's code-object dump (krait --dump-code FILE).

    /usr/bin/python3.11 tests/dump_code.py FILE...

Prints, for each FILE, the canonical dump of compile(source_bytes, FILE, 'exec',
dont_inherit=True) in the layout of src/bytecode/code_dump.cpp. With several files (or --batch),
each dump is preceded by a line `### FILE path`, and a file CPython cannot compile gets
`### ERROR Type: message` instead of a dump.
"""
import sys
import types

sys.set_int_max_str_digits(0)  # repr of huge int constants


def constant_repr(value):
    if isinstance(value, types.CodeType):
        return f"<code {value.co_name}>"
    if type(value) is tuple:
        inner = ", ".join(constant_repr(v) for v in value)
        return f"({inner},)" if len(value) == 1 else f"({inner})"
    if type(value) is frozenset:
        if not value:
            return "frozenset()"
        return "frozenset({" + ", ".join(sorted(constant_repr(v) for v in value)) + "})"
    return repr(value)


def dump_code(code):
    out = []
    counter = [0]

    def one(co):
        out.append(f"# code {counter[0]} {co.co_qualname}")
        counter[0] += 1
        out.append(f"co_qualname: {co.co_qualname!r}")
        out.append(f"co_name: {co.co_name!r}")
        out.append(f"co_firstlineno: {co.co_firstlineno}")
        out.append(f"co_argcount: {co.co_argcount}")
        out.append(f"co_posonlyargcount: {co.co_posonlyargcount}")
        out.append(f"co_kwonlyargcount: {co.co_kwonlyargcount}")
        out.append(f"co_nlocals: {co.co_nlocals}")
        out.append(f"co_flags: {co.co_flags}")
        out.append(f"co_stacksize: {co.co_stacksize}")
        out.append(f"co_code: {co.co_code.hex()}")
        out.append(f"co_consts: {len(co.co_consts)}")
        for i, c in enumerate(co.co_consts):
            out.append(f"co_consts[{i}]: {constant_repr(c)}")
        out.append(f"co_names: {co.co_names!r}")
        out.append(f"co_varnames: {co.co_varnames!r}")
        out.append(f"co_cellvars: {co.co_cellvars!r}")
        out.append(f"co_freevars: {co.co_freevars!r}")
        out.append(f"co_exceptiontable: {co.co_exceptiontable.hex()}")
        out.append(f"co_linetable: {co.co_linetable.hex()}")
        for c in co.co_consts:
            if isinstance(c, types.CodeType):
                one(c)

    one(code)
    return "\n".join(out) + "\n"


def compile_file(path):
    with open(path, "rb") as f:
        source = f.read()
    return compile(source, path, "exec", dont_inherit=True)


def main(argv):
    batch = "--batch" in argv
    paths = [a for a in argv if a != "--batch"]
    batch = batch or len(paths) > 1
    write = sys.stdout.write
    for path in paths:
        if batch:
            write(f"### FILE {path}\n")
        try:
            code = compile_file(path)
        except Exception as exc:  # SyntaxError, ValueError (NUL bytes), RecursionError, ...
            if not batch:
                raise
            message = str(exc).replace("\n", " ")
            write(f"### ERROR {type(exc).__name__}: {message}\n")
            continue
        write(dump_code(code))
    sys.stdout.flush()


if __name__ == "__main__":
    main(sys.argv[1:])
