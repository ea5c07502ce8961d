# Decorator errors: non-callable decorators, wrong stacking order, exceptions while decorating.
try:
    @5
    def f(): pass
except TypeError as e:
    print("TypeError:", e)
class C:
    @property
    @staticmethod
    def odd(): return 1
try:
    C().odd
except TypeError as e:
    print("TypeError:", e)
def failing(fn):
    raise RuntimeError(f"cannot decorate {fn.__name__}")
try:
    @failing
    def g(): pass
except RuntimeError as e:
    print("RuntimeError:", e)
try:
    g
except NameError as e:
    print("NameError:", e)
@failing
class Never: pass
