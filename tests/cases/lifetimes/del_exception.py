# An exception in __del__ is reported and ignored; the program goes on.
class Bad:
    def __del__(self):
        raise ValueError("oops")

b = Bad()
del b
print("still running")

def f():
    Bad()
f()
print("end")
