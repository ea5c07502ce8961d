# A hand-written generator-based context manager (like contextlib.contextmanager).
class GenCM:
    def __init__(self, gen): self.gen = gen
    def __enter__(self): return next(self.gen)
    def __exit__(self, et, ev, tb):
        if et is None:
            try:
                next(self.gen)
            except StopIteration:
                return False
            raise RuntimeError("generator didn't stop")
        try:
            self.gen.throw(ev)
        except StopIteration:
            return True
        except BaseException as e:
            if e is ev:
                return False
            raise
        raise RuntimeError("generator didn't stop after throw")
def tag(name):
    print(f"<{name}>")
    try:
        yield name
    except ValueError as e:
        print("handled inside generator:", e)
    finally:
        print(f"</{name}>")
with GenCM(tag("p")) as t:
    print("content", t)
with GenCM(tag("div")):
    raise ValueError("oops")
print("continued")
try:
    with GenCM(tag("span")):
        raise KeyError("unhandled")
except KeyError as e:
    print("propagated", repr(e))
