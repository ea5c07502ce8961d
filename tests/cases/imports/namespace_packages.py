# A directory without __init__.py is a namespace package.
import sys
sys.path.insert(0, __file__.rsplit("/", 1)[0] + "/_trees")
import nspkg
print(nspkg.__file__ if hasattr(nspkg, "__file__") else "no __file__", nspkg.__spec__.origin)
print(type(nspkg.__path__).__name__, [p.rsplit("/", 2)[-2:] for p in nspkg.__path__])
print(repr(nspkg).startswith("<module 'nspkg' (namespace)"), nspkg.__spec__.loader is None or type(nspkg.__spec__.loader).__name__)
import nspkg.plain, nspkg.part
print(nspkg.plain.NAME, nspkg.part.__name__)
