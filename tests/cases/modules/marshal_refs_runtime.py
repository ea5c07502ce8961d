# marshal.dumps flags (FLAG_REF) an object held more than once when it is dumped and writes
# later occurrences as back-references: heap objects built at run time, interned strs.
import marshal, sys
def show(v):
    print(marshal.dumps(v).hex())
inner = [1, 2]
show([inner, inner])
show([list(inner), list(inner)])
show({"a": inner, "b": inner})
t = tuple(inner)
show((t, t, tuple(inner)))
s = "".join(["x", "y", " z"])
show([s, s, "".join(["x", "y", " z"])])
name = sys.intern("".join(["ab", "cd"]))
show([name, name, "".join(["ab", "cd"])])
show([sys.intern("".join(["k", "ey"])), "key"])
b = bytes(range(5))
show([b, b, bytes(range(5))])
big = 10 ** 30 + len(inner)
show([big, big, 10 ** 30 + len(inner)])
c = complex(len(inner), 1)
show([c, c])
fs = frozenset(["p", "q"])
show([fs, {fs}])
d = {}
d["self"] = [d]
try:
    show(d)
except ValueError as e:
    print("ValueError", e)
show([[], [], (), (), "", b"", "é", "€"])
for version in range(5):
    print(version, marshal.dumps([inner, inner, s, s], version).hex())
# A NaN is an object of its own: flagged when the dumped value holds it twice.
n = float("nan")
print(marshal.dumps(float("nan")).hex())  # held once (show's parameter would hold it again)
show([float("nan")] * 2)
show([n, float("nan"), n])
show((n, [n], {1: n}))
show({float("nan"), float("nan")})
show({"a": [-n, -n], "b": (float("nan"),)})
loop = [float("nan")]
loop.append(loop)
try:
    show(loop)
except ValueError as e:
    print("ValueError", e)
