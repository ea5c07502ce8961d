# A saved traceback keeps the failing frames' locals alive until it is released.
import sys
class D:
    def __init__(self, n): self.n = n
    def __del__(self): print("del", self.n)
def inner():
    x = D("inner local")
    1 / 0
def outer():
    y = D("outer local")
    inner()
try:
    outer()
except ZeroDivisionError:
    tb = sys.exc_info()[2]
print("exception handled; traceback saved")
print(tb.tb_next.tb_frame.f_code.co_name, tb.tb_next.tb_next.tb_frame.f_code.co_name)
del tb
print("end")
