import _contextvars
def t(f):
    try:
        r = f()
        print('ok', r if not isinstance(r, bytes) or len(r) < 80 else len(r))
    except Exception as e:
        print(type(e).__name__, e)

v = _contextvars.ContextVar('v')
t(lambda: v.get(1, 2))
t(lambda: v.set())
t(lambda: _contextvars.ContextVar())
t(lambda: _contextvars.ContextVar('a', 'b'))
t(lambda: repr(_contextvars.ContextVar('x', default=None))[:31])
t(lambda: _contextvars.Context().run())
t(lambda: _contextvars.Context().get())
t(lambda: _contextvars.copy_context().get(v, 1, 2))
t(lambda: _contextvars.Context.run)
t(lambda: _contextvars.ContextVar('a', 'b', 'c'))
t(lambda: _contextvars.ContextVar(name='a'))
