import traceback

class Settings:
    def __init__(self):
        self.verbose = True
        self.verbosity = 2
        self.color = "red"

def show(fn):
    try:
        fn()
    except Exception as e:
        print(traceback.format_exception_only(type(e), e)[-1], end="")

s = Settings()
show(lambda: s.verbos)
show(lambda: s.colour)
show(lambda: s.colr)
show(lambda: s.zzzzzzzzzz)
show(lambda: s.Color)
show(lambda: "abc".strp())
show(lambda: [].apend(1))
show(lambda: {}.item())
show(lambda: int.from_byte(b""))
import collections
show(lambda: collections.OrderDict)
show(lambda: collections.namedtupl)
def local_names():
    alpha_value = 1
    beta_value = 2
    return alpha_valu
show(local_names)
show(lambda: pritn("x"))
show(lambda: Settngs())
show(lambda: Tru)
show(lambda: NotImplementd)
show(lambda: ValueErorr)
