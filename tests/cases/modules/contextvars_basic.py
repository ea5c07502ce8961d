import contextvars
from contextvars import ContextVar, Context, Token, copy_context

v = ContextVar('v', default=1)
w = ContextVar('w')
print(v.name, v.get(), w.get(5))
try:
    w.get()
except LookupError as e:
    print('LookupError', e.args[0] is w)
t = v.set(10)
print(v.get(), t.var is v, t.old_value is Token.MISSING, repr(Token.MISSING))
print(repr(t).startswith('<Token var=<ContextVar name='), "default=1" in repr(v))
v.reset(t)
print(v.get())
print(repr(t).startswith('<Token used var='))
for bad in (lambda: v.reset(t), lambda: w.reset(t), lambda: v.reset(1)):
    try:
        bad()
    except Exception as e:
        print(type(e).__name__, str(e).split(' ', 1)[1] if str(e).startswith('<') else e)
t2 = w.set('a')
t3 = w.set('b')
w.reset(t3)
print(w.get(), t3.old_value)
w.reset(t2)
print(w.get('gone'))

ctx = copy_context()
print(type(ctx).__name__, w in ctx, v in ctx)
v.set(20)
print(ctx.get(v), ctx.get(v, 'dflt'), v.get())

def inside(a, b=0):
    v.set(a + b)
    return v.get(), copy_context()[v]

c2 = Context()
print(len(c2), list(c2), c2.run(inside, 1, b=2), len(c2), c2[v], v.get())
print(list(c2.keys()) == [v], list(c2.values()), list(c2.items()) == [(v, 3)])
print(c2 == c2.copy(), c2 == Context(), c2 != Context())
try:
    c2[w]
except KeyError as e:
    print('KeyError', e.args[0] is w)
for bad in (lambda: c2[1], lambda: 1 in c2, lambda: hash(c2), lambda: Context(1), lambda: Token(),
            lambda: ContextVar(1)):
    try:
        bad()
    except Exception as e:
        print(type(e).__name__, e)

def reenter():
    return c2.run(lambda: 1)
try:
    c2.run(reenter)
except RuntimeError as e:
    print('RuntimeError', str(e).startswith('cannot enter context: <_contextvars.Context object at'), str(e).endswith('is already entered'))
try:
    class X(ContextVar): pass
except TypeError as e:
    print(e)
print(ContextVar[int], Token[str], ContextVar.__module__, Context.__name__)
# a token from another context
tok = c2.run(lambda: v.set(5))
try:
    v.reset(tok)
except ValueError as e:
    print(str(e).endswith('was created in a different Context'))
print(sorted(contextvars.__all__))
