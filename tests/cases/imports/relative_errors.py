# Relative imports that cannot work, and the messages CPython gives for them.
import sys
sys.path.insert(0, __file__.rsplit("/", 1)[0] + "/_trees")

def attempt(source, globals_=None):
    try:
        exec(source, globals_ if globals_ is not None else {"__name__": "__main__"})
    except Exception as e:
        print(type(e).__name__ + ":", e)
    else:
        print("ok:", source)

attempt("from . import x")
attempt("from .. import x", {"__name__": "pkg.sub", "__package__": "pkg"})
attempt("from ... import x", {"__name__": "pkg.sub", "__package__": "pkg"})
attempt("from . import sub", {"__name__": "pkg.other", "__package__": "pkg"})
attempt("from . import nothere", {"__name__": "pkg.other", "__package__": "pkg"})
attempt("from .nothere import x", {"__name__": "pkg.other", "__package__": "pkg"})
attempt("from . import x", {"__name__": "m", "__package__": 5})
attempt("from . import x", {"__package__": None})
for call in ["__import__('')", "__import__('pkg', level=-1)", "__import__(5)", "__import__('x', {}, level=1)"]:
    try:
        eval(call)
    except Exception as e:
        print(call, "->", type(e).__name__ + ":", e)
