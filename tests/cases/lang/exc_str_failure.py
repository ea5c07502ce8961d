# An exception whose __str__ fails is still printed, with a placeholder message.
class Weird(Exception):
    def __str__(self):
        raise RuntimeError("str failed")
try:
    raise Weird()
except Weird as e:
    print("caught", type(e).__name__, repr(e))
raise Weird()
