# _opcode.stack_effect over every opcode number (and CPython's negative pseudo-instruction
# numbers), with and without jumps, and its argument errors; get_specialization_stats.
import _opcode


def effect(*args, **kwargs):
    try:
        return _opcode.stack_effect(*args, **kwargs)
    except Exception as e:
        return f"{type(e).__name__}: {e}"


for op in list(range(-12, 258)) + [2**31 - 1, -2**31]:
    row = []
    for oparg in (None, 0, 1, 3, 256, -1, 2**32 + 3):
        for jump in (None, True, False):
            if oparg is None:
                row.append(effect(op, jump=jump))
            else:
                row.append(effect(op, oparg, jump=jump))
    print(op, row)

for args, kwargs in [((), {}), ((1, 2, 3), {}), ((1,), {"x": 3}), ((), {"opcode": 1}), (("a",), {}),
                     ((100, "a"), {}), ((100, 1.5), {}), ((2**31,), {}), ((100, 2**70), {}),
                     ((1,), {"jump": 1}), ((True,), {}), ((93, 0), {"jump": True})]:
    print(args, kwargs, effect(*args, **kwargs))

print(_opcode.get_specialization_stats())
print(sorted(n for n in dir(_opcode) if not n.startswith("__")))
print(_opcode.__doc__, "|", _opcode.stack_effect.__doc__)
