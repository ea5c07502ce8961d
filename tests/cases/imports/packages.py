# Packages, submodules, `from ... import`, relative imports at several levels, module attributes.
import sys
sys.path.insert(0, __file__.rsplit("/", 1)[0] + "/_trees")

import pkg
print(pkg.VALUE, pkg.sub.helper(), pkg._helper())
print(pkg.__name__, pkg.__package__, pkg.__file__.rsplit("/", 3)[-3:])
print(type(pkg.__path__).__name__, [p.rsplit("/", 2)[-2:] for p in pkg.__path__])
print(pkg.__spec__.name, pkg.__spec__.parent, pkg.__spec__.origin.rsplit("/", 2)[-2:])
print(pkg.__spec__.submodule_search_locations == pkg.__path__, pkg.__spec__.has_location)
print(type(pkg.__loader__).__name__, pkg.__loader__.name)
print(pkg.__cached__.rsplit("/", 2)[-2] if pkg.__cached__ else None)
import pkg.inner
print(pkg.inner.parent_sub is pkg.sub, pkg.inner.helper(), pkg.inner.deep.top_sub is pkg.sub)
from pkg.inner import deep as d
print(d.__name__, d.__package__, d.__spec__.parent)
import pkg.mod as m
print(m.X, m is sys.modules["pkg.mod"], "pkg.mod" in sys.modules)
from pkg import mod, sub
print(mod is m, sub is pkg.sub)
x = __import__("pkg.inner.deep")
print(x is pkg)
y = __import__("pkg.inner.deep", fromlist=["top_sub"])
print(y is pkg.inner.deep)
z = __import__("sub", globals={"__package__": "pkg", "__name__": "pkg.whatever"}, level=1)
print(z is pkg.sub)
print(sorted(k for k in sys.modules if k.startswith("pkg")))
