# `from package import *` with __all__ (which may name a submodule) and without.
import sys
sys.path.insert(0, __file__.rsplit("/", 1)[0] + "/_trees")
from pkg import *
print(sorted(k for k in dir() if not k.startswith("__")))
print(VALUE, extra, sub.__name__)
from pkg.sub import *
print(helper())
from nspkg.plain import *
print(NAME)
