# __exit__ that raises a different exception chains it to the original.
class Convert:
    def __enter__(self): return self
    def __exit__(self, et, ev, tb):
        if et is KeyError:
            raise LookupError("converted") from ev
        return False
try:
    with Convert():
        {}["x"]
except LookupError as e:
    print(repr(e), repr(e.__cause__), repr(e.__context__))
class Chain:
    def __enter__(self): return self
    def __exit__(self, et, ev, tb):
        raise RuntimeError("from exit")
try:
    with Chain():
        raise ValueError("body")
except RuntimeError as e:
    print(repr(e), repr(e.__context__), e.__cause__)
try:
    with Chain():
        pass
except RuntimeError as e:
    print("no body error:", repr(e.__context__))
