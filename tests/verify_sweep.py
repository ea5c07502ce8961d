"""The bytecode verifier over the stdlib, run BY KRAIT:

    build/krait tests/verify_sweep.py [--mutate N] [ROOT]

Compiles every .py file under ROOT (default /usr/lib/python3.11) with krait's compiler and
passes each code object (nested ones included) through code.replace(), which runs the
verifier (src/vm/code_verify.cpp) on it: every one must pass. With --mutate N, also makes N
random mutations of each module's code objects (bytes of co_code and co_exceptiontable,
co_stacksize) and checks that replace() either accepts them or raises ValueError — never
crashes or raises anything else. Prints `N passed, N failed` and the failures; exit 1 on any.

Only native modules are used (posix, _io), so the sweep runs before the stdlib's os does.
"""
import posix
import sys
import _io

S_IFMT, S_IFDIR, S_IFREG = 0o170000, 0o040000, 0o100000


def python_files(root):
    out = []
    stack = [root]
    while stack:
        d = stack.pop()
        try:
            names = sorted(posix.listdir(d))
        except OSError:
            continue
        for name in names:
            path = d + "/" + name
            try:
                mode = posix.lstat(path).st_mode
            except OSError:
                continue
            if mode & S_IFMT == S_IFDIR:
                if name not in ("__pycache__", "site-packages", "dist-packages"):
                    stack.append(path)
            elif mode & S_IFMT == S_IFREG and name.endswith(".py"):
                out.append(path)
    out.sort()
    return out


def code_objects(code):
    yield code
    for c in code.co_consts:
        if type(c) is type(code):
            yield from code_objects(c)


class Random:
    """A small linear congruential generator (the stdlib's random needs os)."""

    def __init__(self, seed):
        self.state = seed

    def below(self, n):
        self.state = (self.state * 6364136223846793005 + 1442695040888963407) % 2**64
        return (self.state >> 33) % n


def mutate(code, rng):
    what = rng.below(4)
    if what == 3:
        return code.replace(co_stacksize=max(0, code.co_stacksize - 1 - rng.below(3)))
    field = "co_exceptiontable" if what == 2 and code.co_exceptiontable else "co_code"
    data = list(getattr(code, field))
    i = rng.below(len(data))
    data[i] = rng.below(256)
    return code.replace(**{field: bytes(data)})


def assemble(*instructions):
    """co_code from (name, arg) pairs; CACHE units follow as CPython lays them out."""
    import opcode
    out = []
    for name, arg in instructions:
        op = opcode.opmap[name]
        out += [op, arg]
        out += [0, 0] * opcode._inline_cache_entries[op]
    return bytes(out)


def self_test():
    """Hand-made bad code objects: each must be refused with a message naming the problem."""
    base = (lambda: 0).__code__            # RESUME 0; LOAD_CONST 1; RETURN_VALUE

    def f(x):
        def g():
            return x
        return len(x) < 3
    cells = f.__code__

    def gen():
        yield 1
    handler = (lambda: [i for i in ()]).__code__
    cases = [
        ("empty", lambda: base.replace(co_code=b""), "co_code is empty"),
        ("unknown opcode", lambda: base.replace(co_code=b"\x04\x00" + base.co_code), "unknown opcode 4"),
        ("pseudo/specialized", lambda: base.replace(co_code=b"\x03\x00" + base.co_code), "unknown opcode 3"),
        ("argument on no-arg op", lambda: base.replace(co_code=b"\x09\x05" + base.co_code), "takes no argument"),
        ("const index", lambda: base.replace(co_code=assemble(("RESUME", 0), ("LOAD_CONST", 9), ("RETURN_VALUE", 0))),
         "LOAD_CONST 9: out of range"),
        ("name index", lambda: base.replace(co_code=assemble(("RESUME", 0), ("LOAD_GLOBAL", 2), ("RETURN_VALUE", 0))),
         "LOAD_GLOBAL 2: out of range"),
        ("local index", lambda: base.replace(co_code=assemble(("RESUME", 0), ("LOAD_FAST", 0), ("RETURN_VALUE", 0))),
         "LOAD_FAST 0: out of range"),
        ("cell read as local", lambda: cells.replace(co_code=cells.co_code[:4] + assemble(("LOAD_FAST", 0), ("RETURN_VALUE", 0))),
         "is a cell or free variable"),
        ("deref of a local", lambda: cells.replace(co_code=cells.co_code[:4] + assemble(("LOAD_DEREF", 1), ("RETURN_VALUE", 0))),
         "is not a cell or free variable"),
        ("cell never made", lambda: cells.replace(co_code=cells.co_code[2:]), "never made"),
        ("underflow", lambda: base.replace(co_code=assemble(("RESUME", 0), ("POP_TOP", 0), ("LOAD_CONST", 0), ("RETURN_VALUE", 0))),
         "stack underflow"),
        ("stacksize", lambda: base.replace(co_stacksize=0), "exceeds co_stacksize"),
        ("falls off the end", lambda: base.replace(co_code=base.co_code[:-2]), "falls off the end"),
        ("odd length", lambda: base.replace(co_code=base.co_code + b"\x00"), "co_code is malformed"),
        ("missing cache", lambda: base.replace(co_code=assemble(("RESUME", 0), ("LOAD_CONST", 0))[:-0 or None] + b"\x19\x00"),
         "lacks its 4 CACHE entries"),
        ("non-zero cache unit", lambda: base.replace(co_code=assemble(("RESUME", 0), ("LOAD_CONST", 0), ("LOAD_CONST", 0))[:8] + b"z\x00\x00\x07S\x00", co_stacksize=2),
         "is not zero"),
        ("compare op", lambda: base.replace(co_stacksize=2, co_code=assemble(("RESUME", 0), ("LOAD_CONST", 0), ("LOAD_CONST", 0), ("COMPARE_OP", 6), ("RETURN_VALUE", 0))),
         "not a comparison"),
        ("binary op", lambda: base.replace(co_stacksize=2, co_code=assemble(("RESUME", 0), ("LOAD_CONST", 0), ("LOAD_CONST", 0), ("BINARY_OP", 26), ("RETURN_VALUE", 0))),
         "not a binary operator"),
        ("extended arg at end", lambda: base.replace(co_code=base.co_code + b"\x90\x01"), "EXTENDED_ARG at the end"),
        ("extended arg chain", lambda: base.replace(co_code=b"\x90\x00" * 4 + b"\x97\x00" + base.co_code[2:]), "more than three"),
        ("jump outside", lambda: base.replace(co_code=assemble(("RESUME", 0), ("JUMP_FORWARD", 50))), "jumps outside"),
        ("jump into a cache", lambda: base.replace(co_stacksize=2, co_code=assemble(("RESUME", 0), ("JUMP_FORWARD", 3), ("LOAD_CONST", 0), ("LOAD_CONST", 0), ("BINARY_OP", 0), ("RETURN_VALUE", 0))),
         "middle of an instruction"),
        ("depth mismatch", lambda: base.replace(co_stacksize=3, co_code=assemble(("RESUME", 0), ("LOAD_CONST", 0), ("POP_JUMP_FORWARD_IF_TRUE", 1), ("LOAD_CONST", 0), ("LOAD_CONST", 0), ("RETURN_VALUE", 0))),
         "reached with stack depth"),
        ("generator without RETURN_GENERATOR", lambda: base.replace(co_flags=base.co_flags | 0x20), "must start with RETURN_GENERATOR"),
        ("yield outside a generator", lambda: gen.__code__.replace(co_flags=gen.__code__.co_flags & ~0x20), "RETURN_GENERATOR in code not flagged"),
        ("exception table truncated", lambda: base.replace(co_exceptiontable=b"\x80"), "truncated"),
        ("exception table outside", lambda: base.replace(co_exceptiontable=bytes([0x80 | 1, 40, 1, 0])), "outside the code"),
        ("handler depth", lambda: handler.replace(co_stacksize=1), "co_stacksize"),
        ("kw names", lambda: base.replace(co_consts=(None, 0, (1,)), co_code=assemble(("RESUME", 0), ("KW_NAMES", 2), ("LOAD_CONST", 0), ("RETURN_VALUE", 0))),
         "not a tuple of str"),
        ("precall without call", lambda: base.replace(co_stacksize=2, co_code=assemble(("RESUME", 0), ("PUSH_NULL", 0), ("LOAD_CONST", 0), ("PRECALL", 0), ("RETURN_VALUE", 0))),
         "not followed by CALL"),
    ]
    passed = failed = 0
    problems = []
    for label, make, expected in cases:
        try:
            make()
            problems.append(f"self-test {label}: accepted")
        except ValueError as e:
            if expected in str(e):
                passed += 1
                continue
            problems.append(f"self-test {label}: {e}")
        except Exception as e:
            problems.append(f"self-test {label}: {type(e).__name__}: {e}")
        failed += 1
    # Good hand-made code runs.
    made = base.replace(co_consts=(None, 42), co_code=assemble(("RESUME", 0), ("LOAD_CONST", 1), ("RETURN_VALUE", 0)))
    if eval(made) == 42:
        passed += 1
    else:
        failed += 1
        problems.append("self-test hand-made code: wrong result")
    return passed, failed, problems


def main(argv):
    mutations = 0
    root = "/usr/lib/python3.11"
    args = list(argv)
    while args:
        a = args.pop(0)
        if a == "--mutate":
            mutations = int(args.pop(0))
        else:
            root = a
    passed, failed, failures = self_test()
    skipped = rejected = accepted = 0
    rng = Random(12345)
    for path in python_files(root):
        try:
            with _io.open(path, "rb") as f:
                source = f.read()
            module = compile(source, path, "exec", dont_inherit=True)
        except (SyntaxError, ValueError, UnicodeError, OverflowError, RecursionError, MemoryError):
            skipped += 1
            continue
        codes = list(code_objects(module))
        for code in codes:
            try:
                code.replace()
                passed += 1
            except ValueError as e:
                failed += 1
                failures.append(f"{path}: {code.co_qualname}: {e}")
        for k in range(mutations):
            code = codes[rng.below(len(codes))]
            try:
                mutate(code, rng)
                accepted += 1
            except ValueError:
                rejected += 1
            except Exception as e:
                failed += 1
                failures.append(f"{path}: mutation of {code.co_qualname} raised {type(e).__name__}: {e}")
    for line in failures[:50]:
        print(line)
    if mutations:
        print(f"mutations: {rejected} rejected, {accepted} accepted")
    print(f"{skipped} files not compiled (syntax errors on purpose)")
    print(f"{passed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
