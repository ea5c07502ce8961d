# User exception classes with custom __str__, __init__, and catching subclasses.
class AppError(Exception):
    pass
class NotFound(AppError):
    def __init__(self, what):
        super().__init__(what)
        self.what = what
    def __str__(self):
        return f"{self.what} not found"
class Fatal(AppError):
    pass
def op(n):
    if n == 0: raise NotFound("user")
    if n == 1: raise Fatal("bad", "worse")
    raise AppError()
for n in range(3):
    try:
        op(n)
    except NotFound as e:
        print("NotFound:", e, repr(e))
    except AppError as e:
        print(type(e).__name__, "->", str(e), e.args)
class NoSuper(Exception):
    def __init__(self, x):
        self.x = x
print(repr(NoSuper(1)), str(NoSuper(1)), NoSuper(1).args)
raise NotFound("page")
