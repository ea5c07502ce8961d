# atexit callbacks run after an uncaught exception is printed, and do not change the exit status.
import atexit
class D:
    def __del__(self): print("del d")
d = D()
@atexit.register
def bye():
    print("bye, d still alive:", d is not None)
raise SystemExit(4)
