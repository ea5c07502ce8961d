import gc, weakref
from contextvars import ContextVar, Context, copy_context

class Holder:
    pass

v = ContextVar('v')
w = ContextVar('w')

def make_cycle():
    h = Holder()
    ctx = Context()
    def f():
        v.set(h)
        h.token = w.set(h)   # the token refers to the context, the context to h
        h.ctx = copy_context()
    ctx.run(f)
    h.var = ContextVar('self', default=h)
    return weakref.ref(h)

r = make_cycle()
gc.collect()
print(r() is None)
c = copy_context()
t = v.set(1)
shared = copy_context()
v.reset(t)
del t
gc.collect()
print(shared[v], v in c, v.get('none'))
for i in range(3):
    ctx = Context()
    print(ctx.run(lambda: (v.set(i), v.get())[1]), v.get('none'))
