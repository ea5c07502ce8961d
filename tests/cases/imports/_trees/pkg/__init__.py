print("init pkg", __name__, __package__)
from . import sub
from .sub import helper as _helper
VALUE = "pkg value"
__all__ = ["sub", "VALUE", "extra"]
extra = 42
_private = 1
