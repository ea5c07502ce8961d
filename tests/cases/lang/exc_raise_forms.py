# raise with a class, an instance, re-raise, and raising non-exceptions.
def attempt(fn):
    try:
        fn()
    except BaseException as e:
        print(type(e).__name__, repr(e), e.args)
def cls(): raise ValueError
def inst(): raise ValueError("msg", 2)
def reraise():
    try:
        raise KeyError("orig")
    except KeyError:
        raise
def not_exc(): raise 5
def not_exc_cls(): raise int
def bare_no_active(): raise
attempt(cls)
attempt(inst)
attempt(reraise)
attempt(not_exc)
attempt(not_exc_cls)
attempt(bare_no_active)
class Custom(Exception):
    def __init__(self, code):
        super().__init__(f"code {code}")
        self.code = code
try:
    raise Custom(7)
except Custom as c:
    print(c, c.code, c.args)
raise Custom(9)
