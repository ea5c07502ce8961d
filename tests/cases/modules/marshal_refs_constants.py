# Equal constants of one compilation unit are one object (CPython's compiler merges them):
# identity and marshal's back-references show it. compile() keeps no reference to the parsed
# tree's constants once it returns, so the flags are those of the code's own references.
import marshal
SOURCE = '''
import marshal
t = (1, 2)
def f():
    return (1, 2)
def g():
    return ((1, 2), b"xy", 10 ** 20, 2 ** 50, 3j, frozenset({7, 8}))
big = 10 ** 20
def same(a, b):  # `is` on a literal would warn
    return a is b
print(f() is t, g()[0] is t, g()[2] is big, same(g()[1], b"xy"), same((1, 2.0), t), same(g()[3], 2 ** 50))
print(same(((1, 2), (1, 2))[0], t), same((0.0, -0.0)[1], -0.0), same((1,), (True,)), same((1,), (1.0,)))
print(marshal.dumps((1, (2, (3,)))))
print(marshal.dumps(((), "", b"", b"a", b"ab", "a b", 10**20, 2j, (5, 6))))
print(marshal.dumps([2**50, 2**50, 10**20, 10**20]))
print(marshal.dumps([(1, 2), (1, 2)]))
print(marshal.dumps({"k": (b"xy", b"xy")}))
print(marshal.dumps([g(), (b"xy", 3j)]))
print(marshal.dumps(frozenset({7, 8})), marshal.dumps([g()[5], frozenset({8, 7})]))
def h(x):
    return x in {7, 8}, x in {8, 7}, x in {(1, 2), 3}
print(h.__code__.co_consts[1:], [x for x in h.__code__.co_consts[-1] if x != 3][0] is t)
print(marshal.dumps([(b"p", (b"p",)), ((b"p",), b"p")]))
'''
exec(compile(SOURCE, "<merged>", "exec"), {"__name__": "merged"})
# Two compile() calls are two units: nothing is merged between them.
a = eval(compile("(5, 6, 7)", "<a>", "eval"))
b = eval(compile("(5, 6, 7)", "<b>", "eval"))
print(a == b, a is b)
