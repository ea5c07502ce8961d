print("init pkg.inner")
from .. import sub as parent_sub
from ..sub import helper
from . import deep
