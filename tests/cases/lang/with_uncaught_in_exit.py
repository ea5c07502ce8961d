# Uncaught exception raised inside __exit__ while handling another.
class Faulty:
    def __enter__(self):
        return self
    def __exit__(self, et, ev, tb):
        print("exiting with", et.__name__)
        raise RuntimeError("exit failed")
def work():
    with Faulty():
        raise ValueError("body failed")
work()
