# inspect.getgeneratorstate-like introspection through gi_* attributes.
import inspect
def g():
    yield 1
    yield 2
it = g()
print(inspect.getgeneratorstate(it), it.gi_frame.f_lineno if it.gi_frame else None)
next(it)
print(inspect.getgeneratorstate(it), it.gi_frame.f_lineno)
list(it)
print(inspect.getgeneratorstate(it), it.gi_frame)
def self_ref():
    yield inspect.getgeneratorstate(me)
me = self_ref()
print(next(me))
def reent():
    yield next(r)
r = reent()
try:
    next(r)
except ValueError as e:
    print("ValueError:", e)
print(g.__name__, it.__name__, it.__qualname__, it.gi_code.co_name)
