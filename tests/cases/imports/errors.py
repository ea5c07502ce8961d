# Import errors: missing modules and names, a module that is not a package, None in
# sys.modules, and an exception raised while a module runs (the traceback shows the module's
# frames, not importlib's).
import sys
sys.path.insert(0, __file__.rsplit("/", 1)[0] + "/_trees")

def attempt(source):
    try:
        exec(source, {})
    except ImportError as e:
        print(type(e).__name__ + ":", e, "| name =", e.name, "| path =", e.path and e.path.rsplit("/", 2)[-2:])
    except Exception as e:
        print(type(e).__name__ + ":", e)

attempt("import no_such_module_xyz")
attempt("import pkg.no_such_sub")
attempt("import pkg.mod.x")
attempt("from pkg import no_such_name")
attempt("from pkg.mod import Y")
attempt("from sys import no_such_thing")
attempt("import broken.imports_missing")
sys.modules["blocked"] = None
attempt("import blocked")
attempt("from broken import syntax")
attempt("import broken.raises")
print("broken.raises" in sys.modules)
import traceback
try:
    import broken.raises
except ZeroDivisionError:
    traceback.print_exc(file=sys.stdout)
import broken.raises
