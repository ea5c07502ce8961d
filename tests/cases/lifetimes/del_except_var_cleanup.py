# The except-clause name is deleted at the block's end, releasing the exception and its traceback.
class D:
    def __init__(self, n): self.n = n
    def __del__(self): print("del", self.n)
class Err(Exception):
    def __del__(self): print("del exception")
def fails():
    local = D("frame local")
    raise Err("x")
try:
    fails()
except Err as e:
    print("handling", e)
print("after except block")
saved = None
try:
    fails()
except Err as e:
    saved = e
print("saved exception keeps the frame alive")
saved = None
print("end")
