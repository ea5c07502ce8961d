import decimal
from decimal import Decimal, getcontext, localcontext

print(Decimal('1.1') + Decimal('2.2'))
print(getcontext().prec)
with localcontext() as ctx:
    ctx.prec = 5
    print(Decimal(1) / Decimal(7), getcontext().prec)
print(Decimal(1) / Decimal(7), getcontext().prec)
getcontext().prec = 10
print(Decimal(2).sqrt())
print(decimal.Decimal('3.14159').quantize(Decimal('0.01')))
