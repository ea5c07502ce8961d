# The type test of deque in CPython's test_deque: subclasses that fail to return a deque from __new__ are refused.
from _collections import deque


class X(deque):
    pass


d = X()


def bad___new__(cls, *args, **kwargs):
    return [42]


X.__new__ = bad___new__
for op in (lambda: d * 42, lambda: d + deque([1, 2, 3]), lambda: d.copy()):
    try:
        op()
    except TypeError as e:
        print('TypeError', e)
