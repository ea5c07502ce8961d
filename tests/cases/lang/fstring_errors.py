# Errors raised while evaluating f-string parts propagate normally.
def boom():
    raise RuntimeError("inside f-string")
try:
    f"value: {boom()}"
except RuntimeError as e:
    print("RuntimeError:", e)
class R:
    def __repr__(self): raise ValueError("repr failed")
try:
    f"{R()!r}"
except ValueError as e:
    print("ValueError:", e)
width = "x"
try:
    f"{5:{width}}"
except ValueError as e:
    print("ValueError:", e)
missing = 1
print(f"{missing + undefined_thing}")
