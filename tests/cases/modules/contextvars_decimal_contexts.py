import decimal
from decimal import Decimal as D, getcontext, setcontext, localcontext, Context, BasicContext, ExtendedContext
print(D('1.1') + D('2.2'), getcontext().prec, getcontext().rounding)
with localcontext(prec=3, rounding=decimal.ROUND_DOWN) as c:
    print(D(2) / D(3), c.prec)
    with localcontext() as c2:
        c2.prec = 10
        print(D(2) / D(3))
    print(D(2) / D(3))
print(D(2) / D(3))
setcontext(ExtendedContext)
print(getcontext().prec, D(1) / D(0))
setcontext(Context(prec=5, traps=[decimal.DivisionByZero]))
try:
    D(1) / D(0)
except decimal.DivisionByZero as e:
    print('DivisionByZero', type(e).__mro__[1].__name__)
print(D('123.456789').quantize(D('0.001')), D(10) ** 20, D('1e-3').sqrt())
import contextvars
ctx = contextvars.copy_context()
print(ctx.run(lambda: getcontext().prec))
