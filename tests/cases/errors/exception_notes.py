e = ValueError("v")
print(hasattr(e, "__notes__"))
e.add_note("first")
e.add_note("second")
print(e.__notes__)
try:
    e.add_note(5)
except TypeError as x:
    print(x)
e.__notes__ = ["replaced"]
print(e.__notes__)
import traceback
print("".join(traceback.format_exception_only(type(e), e)), end="")
e2 = KeyError("k")
e2.__notes__ = "not a list"
try:
    e2.add_note("x")
except TypeError as x:
    print(x)
