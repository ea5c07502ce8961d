import sys
def f(a, b=2):
    c = a + b
    frame = sys._getframe()
    return sorted(locals().items())[:3], frame.f_code.co_name, frame.f_lineno, frame.f_back.f_code.co_name
print(f(1))
def g():
    exec("inner = 99")
    return "inner" in locals()
print(g())
def tb_info():
    try:
        {}["k"]
    except KeyError as e:
        tb = e.__traceback__
        return tb.tb_lineno, tb.tb_frame.f_code.co_name, tb.tb_next
print(tb_info())
print(sys.exc_info(), sys.exception())
def code_attrs(x, *args, y, **kw):
    z = 1
    return z
co = code_attrs.__code__
print(co.co_name, co.co_argcount, co.co_kwonlyargcount, co.co_varnames, co.co_flags & 0xF, co.co_firstlineno)
print(sys.version_info >= (3, 11), sys.version_info[:2], sys.getrecursionlimit())
sys.setrecursionlimit(50)
def down(n):
    return down(n + 1)
try:
    down(0)
except RecursionError as e:
    print(e)
sys.setrecursionlimit(1000)
