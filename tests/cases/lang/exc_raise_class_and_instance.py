# raise with classes, instances, and invalid objects.
for thing in [ValueError, ValueError("inst"), "string", 5, object, Exception.__new__(KeyError)]:
    try:
        raise thing
    except TypeError as e:
        print("TypeError:", e)
    except Exception as e:
        print("raised", type(e).__name__, repr(e))
class NeedsArgs(Exception):
    def __init__(self, a, b):
        super().__init__(a, b)
try:
    raise NeedsArgs
except TypeError as e:
    print("TypeError:", e)
class BadNew(Exception):
    def __new__(cls):
        return 42
try:
    raise BadNew
except TypeError as e:
    print("TypeError:", e)
