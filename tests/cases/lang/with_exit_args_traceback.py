# __exit__ receives the live traceback; sys.exc_info inside __exit__.
import sys
class Inspect:
    def __enter__(self): return self
    def __exit__(self, et, ev, tb):
        info = sys.exc_info()
        print("exit types", et.__name__, info[0].__name__ if info[0] else None)
        print("same value", info[1] is ev, "tb line", tb.tb_lineno, tb.tb_frame.f_code.co_name)
        return True
def work():
    with Inspect():
        x = 1
        raise IndexError("idx")
work()
print("after", sys.exc_info())
