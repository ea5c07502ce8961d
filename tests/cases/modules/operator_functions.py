# _operator: the operator functions, itemgetter/attrgetter/methodcaller, length_hint, _compare_digest.
import _operator as o


def show(label, f):
    try:
        print(label, f())
    except Exception as e:
        print(label, "!!", type(e).__name__, e)


print(sorted(x for x in dir(o) if not x.startswith('__')))
print(o.add(1, 2), o.sub(5, 3), o.mul('a', 3), o.truediv(7, 2), o.floordiv(7, 2), o.mod(7, 3), o.pow(2, 10))
print(o.lshift(1, 3), o.rshift(16, 2), o.and_(12, 10), o.or_(12, 10), o.xor(12, 10), o.neg(3), o.pos(-3), o.inv(5), o.invert(5), o.abs(-2.5))
print(o.lt(1, 2), o.le(2, 2), o.eq(1, 1.0), o.ne(1, 2), o.gt(1, 2), o.ge(3, 2), o.truth([]), o.not_(0), o.is_(None, None), o.is_not(1, None))
print(o.contains([1, 2], 2), o.countOf([1, 1, 2], 1), o.indexOf('abc', 'c'), o.getitem({1: 2}, 1), o.index(7), o.index(True), o.concat([1], [2]), o.concat('a', 'b'))
x = [1, 2, 3]; o.setitem(x, 0, 9); o.delitem(x, 1); print(x)
l = [1]; print(o.iadd(l, [2]) is l, l, o.iconcat(l, [3]), o.isub(5, 2), o.imul(2, 3), o.ipow(2, 3), o.ior(1, 2), o.iand(3, 1), o.ixor(3, 1), o.ilshift(1, 2), o.irshift(8, 1), o.imod(7, 4), o.ifloordiv(7, 2), o.itruediv(1, 4))
print(o.call(len, 'abc'), o.call(dict, a=1))
for s in ["o.add(1)", "o.add(1, 2, 3)", "o.add(x=1)", "o.neg()", "o.truth(1, 2)", "o.index(3.0)", "o.matmul(1, 2)", "o.imatmul(1, 2)",
          "o.concat(1, 2)", "o.iconcat([1], 2)", "o.indexOf([1, 2], 3)", "o.contains(1, 1)", "o.call()", "o.setitem([1], 0)", "o.countOf([1])"]:
    show(s, lambda: eval(s))

# length_hint
print(o.length_hint([1, 2]), o.length_hint(iter([1])), o.length_hint(3), o.length_hint(3, -1), o.length_hint(iter(range(10))))
show("hint str", lambda: o.length_hint(3, 'a'))
show("hint none", lambda: o.length_hint())


class L:
    def __len__(self):
        return -1


class H:
    def __length_hint__(self):
        return 'a'


class H2:
    def __length_hint__(self):
        return NotImplemented


class H3:
    def __length_hint__(self):
        return -3


class H4:
    def __length_hint__(self):
        raise TypeError


show("len neg", lambda: o.length_hint(L()))
show("hint str", lambda: o.length_hint(H()))
show("hint NotImplemented", lambda: o.length_hint(H2(), 7))
show("hint neg", lambda: o.length_hint(H3(), 7))
show("hint TypeError", lambda: o.length_hint(H4(), 7))

# _compare_digest
print(o._compare_digest('a', 'a'), o._compare_digest(b'a', b'b'), o._compare_digest('a', 'ab'), o._compare_digest(b'abc', b'abc'))
show("digest mixed", lambda: o._compare_digest('a', b'a'))
show("digest non-ascii", lambda: o._compare_digest('é', 'é'))
show("digest ints", lambda: o._compare_digest(1, 2))

# itemgetter / attrgetter / methodcaller
print(o.itemgetter(1)([5, 6]), o.itemgetter(1, 0)('ab'), o.itemgetter('k')({'k': 3}), o.itemgetter(-1)((1, 2)), o.itemgetter(slice(1, None))([1, 2, 3]))
print(o.itemgetter(1), o.itemgetter(1, 'a'), o.itemgetter(1).__reduce__(), sorted([(2, 'b'), (1, 'c')], key=o.itemgetter(1)))
show("itemgetter none", lambda: o.itemgetter())
show("itemgetter kw", lambda: o.itemgetter(1, x=2))
show("itemgetter call none", lambda: o.itemgetter(1)())
show("itemgetter call two", lambda: o.itemgetter(1)(1, 2))
show("itemgetter call kw", lambda: o.itemgetter(1)([1], x=1))
show("itemgetter range", lambda: o.itemgetter(5)([1]))


class A:
    pass


a = A(); a.b = A(); a.b.c = 5; a.name = 'n'
print(o.attrgetter('name')(a), o.attrgetter('b.c')(a), o.attrgetter('name', 'b.c')(a), o.attrgetter('real', 'imag')(3))
print(o.attrgetter('a.b', 'c'), o.attrgetter('b.c').__reduce__(), o.attrgetter('.b'))
show("attrgetter none", lambda: o.attrgetter())
show("attrgetter int", lambda: o.attrgetter(1))
show("attrgetter missing", lambda: o.attrgetter('b.d')(a))
show("attrgetter trailing dot", lambda: o.attrgetter('b.')(a))
print(o.methodcaller('upper')('a'), o.methodcaller('split', ',', maxsplit=1)('a,b,c'), o.methodcaller('count', 'a')('banana'))
print(o.methodcaller('foo', 1, k=2), o.methodcaller('f'), o.methodcaller('f', 1).__reduce__())
red = o.methodcaller('f', 1, k=2).__reduce__()
print(type(red[0]).__name__, red[0].args, red[0].keywords, red[1])
show("methodcaller none", lambda: o.methodcaller())
show("methodcaller int", lambda: o.methodcaller(1))
show("methodcaller kwonly", lambda: o.methodcaller(name='x'))
show("methodcaller call none", lambda: o.methodcaller('f')())
show("methodcaller missing", lambda: o.methodcaller('f')(1))
for t in [o.itemgetter, o.attrgetter, o.methodcaller]:
    print(t, t.__name__, t.__module__, t.__qualname__)
print(o.itemgetter(1) == o.itemgetter(1), o.add.__name__, o.__name__)
