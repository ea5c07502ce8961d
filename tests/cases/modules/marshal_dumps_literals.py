# marshal.dumps of values written as literals in a script: CPython keeps every constant the
# parser made alive while __main__ runs (its AST arena), so the items of constant tuples are
# flagged, and equal constants are one object across the module.
import marshal
print(marshal.dumps((1, (2, (3,)))))
print(marshal.dumps(((), "", b"", b"a", b"ab", "a b", 10**20, 2j, (5, 6))))
print(marshal.dumps([2**50, 2**50, 10**20, 10**20]))
print(marshal.dumps([(1, 2), (1, 2)]))
print(marshal.dumps({"k": (b"xy", b"xy")}))
def f():
    return (b"xy", 3j)
print(marshal.dumps([f(), (b"xy", 3j)]))
b = bytes([1, 2, 3])
print(marshal.dumps([b, bytes(b)]))
print(marshal.dumps(bytearray(b"xyz")), marshal.loads(bytearray(b"N")))
