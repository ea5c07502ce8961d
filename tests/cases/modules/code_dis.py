# CPython's own dis over krait's code objects: dis.dis (with caches, adaptive before warm-up),
# code_info, Bytecode.info, get_instructions with positions, findlinestarts, nested code.
import dis


def f(a, b=1, *args, c, **kw):
    x = [i for i in range(a) if i % 2]

    def inner():
        return x
    try:
        return g(x, key=b)
    except ValueError as e:
        raise
    finally:
        print("done")


def h(n):
    t = 0
    for i in range(n):
        t += len(str(i))
    return t


dis.dis(f)
print(dis.code_info(f))
print(dis.Bytecode(f).info())
dis.dis(f, show_caches=True)
dis.dis(h, show_caches=True, adaptive=True)  # not run yet: no specialization on either side
for ins in dis.get_instructions(f):
    print(ins.opname, ins.arg, ins.argval, ins.offset, ins.starts_line, ins.is_jump_target, ins.positions)
print(list(dis.findlinestarts(f.__code__)))
dis.dis(compile("import os\nclass A:\n    def m(self): return super().m()\n", "<s>", "exec"))
print(dis.stack_effect(dis.opmap["BUILD_MAP"], 3), dis.stack_effect(dis.opmap["FOR_ITER"], 2, jump=False))
