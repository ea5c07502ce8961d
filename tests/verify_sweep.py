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
    data = bytearray(getattr(code, field)) if False else list(getattr(code, field))
    i = rng.below(len(data))
    data[i] = rng.below(256)
    return code.replace(**{field: bytes(data)})


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
    passed = failed = skipped = rejected = accepted = 0
    failures = []
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
