# atexit handlers run (last registered first) before globals are finalized.
import atexit
class D:
    def __init__(self, n): self.n = n
    def __del__(self): print("del", self.n)
g = D("global")
def first(): print("atexit first, global still alive:", g.n)
def second(name): print("atexit second", name)
atexit.register(first)
atexit.register(second, "with arg")
def boom():
    raise ValueError("in atexit")
atexit.register(boom)
print("end of program")
