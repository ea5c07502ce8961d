# marshal.dumps of runtime values: every type code, every version, the choice of str codes,
# TYPE_INT against TYPE_LONG, FLAG_REF by reference count and back-references.
import marshal

def show(value, *versions):
    for v in versions or (4,):
        print(v, marshal.dumps(value, v))

# Singletons and scalars (literals: CPython holds them as constants).
for value in [None, True, False, ..., StopIteration, 0, 1, -5, 256, 257, -6, 1000]:
    show(value, 4, 2)
for value in [2**31 - 1, -2**31, 2**31, -2**31 - 1, 2**45, -2**46, 2**62, 2**64, -2**64, 10**40, -(10**40), 2**15, 2**30]:
    show(value, 4, 0)
for value in [0.0, -0.0, 1.5, 0.1, 1e22, 1e-300, 1e300 * 10, -1e300 * 10, 123456789.125]:
    show(value, 4, 1, 0)
show(float("nan"), 1)
for value in [1j, 2 + 3.5j, -0.0j, complex(1e300 * 10, -1)]:
    show(value, 4, 1)

# strs: short/long ASCII, non-ASCII, surrogates, interned (identifier-like) or not.
for value in ["", "a", "abc", "a b", "x" * 255, "é", "€uro", "\U0001f600", "\ud800", "\x00", "*"]:
    show(value, 4, 3, 2)
show("y" * 256, 4, 3)
show("".join(["a", "bc"]))
show("".join(["a", "b c"]))
show(str(12345) + "z")

# bytes and buffers.
for value in [b"", b"a", b"ab", bytes(range(256)), b"x" * 300]:
    show(value)

# Containers built at run time: a container held once is not flagged.
show([])
show([1, 2, 3])
show([[], [[]], ()])
show(tuple([1, tuple([2, tuple([3])])]))
show(tuple(range(-5, 257)))
show(list(range(300)), 2)
show({})
show({"a": 1, "b": [2, 3], 3: None})
show(set())
show(frozenset())
show({1, 2, 3})
show(frozenset({"x", "y", "z"}))
show({(1, 2), (3, 4), "a", 5, 2.5, None})
show([1, 2, 3], 2)
show({"k": "v"}, 0)

# Reference counts: a value held by a variable as well is flagged; shared values are
# written once and referenced after.
x = [1, 2]
show(x)
show([x, x])
show({"p": x, "q": x})
y = ("a b" + str(len(x)),)
show([y, y, y[0]])
s = "".join(["hello", " ", "world"])
show([s, s])
show([[s], (s,)])
t = tuple([100 + len(x)])
show((t, t))
big = int("1" * 30)
show([big, big, -big])
c = complex(len(x), 1)
show([c, c])
b = bytes([1, 2, 3])
show([b, b, b[:]])

# Nested shared structure across dict and set.
shared = tuple(["s" + str(i) for i in range(3)])
show({"a": shared, "b": [shared, {shared}]})
