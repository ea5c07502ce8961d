print("init pkg.inner.deep", __package__)
from .. import sub as top_sub
