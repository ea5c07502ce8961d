# How a relative import finds its package: __package__, else __spec__.parent, else __name__ and
# __path__ (with the ImportWarnings CPython gives), and the errors for bad values of each.
import sys
import types
import warnings
sys.path.insert(0, __file__.rsplit("/", 1)[0] + "/_trees")
import pkg  # prints its initialization lines first

def attempt(label, globals_, level=1, name="sub"):
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        try:
            m = __import__(name, globals_, None, ["helper"], level)
        except Exception as e:
            result = type(e).__name__ + ": " + str(e)
        else:
            result = "-> " + m.__name__
    print(label.ljust(34), result, [f"{w.category.__name__}: {w.message}" for w in caught])

spec_pkg = types.SimpleNamespace(parent="pkg")
spec_other = types.SimpleNamespace(parent="pkg.inner")
attempt("__package__", {"__package__": "pkg"})
attempt("__spec__.parent", {"__spec__": spec_pkg})
attempt("both agree", {"__package__": "pkg", "__spec__": spec_pkg})
attempt("both disagree", {"__package__": "pkg", "__spec__": spec_other})
attempt("__name__ only", {"__name__": "pkg.something"})
attempt("__name__ with __path__", {"__name__": "pkg", "__path__": []})
attempt("__name__ top level", {"__name__": "toplevel"})
attempt("nothing", {})
attempt("__package__ None, __spec__ None", {"__package__": None, "__spec__": None, "__name__": "pkg.x"})
attempt("__package__ not str", {"__package__": 1})
attempt("__spec__.parent not str", {"__spec__": types.SimpleNamespace(parent=3)})
attempt("__spec__ without parent", {"__spec__": object()})
attempt("__name__ not str", {"__name__": 5})
attempt("empty __package__", {"__package__": ""})
attempt("level 2 from pkg.inner", {"__package__": "pkg.inner"}, 2)
attempt("level 3 from pkg.inner", {"__package__": "pkg.inner"}, 3)
attempt("level 1, empty name", {"__package__": "pkg.inner"}, 1, "")
attempt("level 2, empty name", {"__package__": "pkg.inner"}, 2, "")
attempt("globals not a dict", [("__package__", "pkg")])
