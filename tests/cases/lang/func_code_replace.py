# Swapping __code__ between compatible functions and code.replace.
def a(x): return x + 1
def b(x): return x * 100
a.__code__ = b.__code__
print(a(2))
c = b.__code__.replace(co_name="renamed")
print(c.co_name, b.__code__.co_name)
def add(x, y): return x + y
sub_code = add.__code__.replace(co_consts=add.__code__.co_consts)
print(type(sub_code).__name__, sub_code == add.__code__)
def with_free():
    v = 1
    def g(): return v
    return g
g = with_free()
def plain(): return 0
try:
    plain.__code__ = g.__code__
except ValueError as e:
    print("ValueError:", e)
print(add.__code__.co_argcount, add.__code__.co_varnames, add.__code__.co_nlocals)
