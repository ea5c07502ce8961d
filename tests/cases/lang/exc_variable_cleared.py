# The 'as' name is deleted at the end of the except block.
e = "outer"
try:
    raise ValueError("x")
except ValueError as e:
    print("inside:", e)
try:
    print(e)
except NameError as err:
    print("NameError:", err)
def f():
    try:
        1 / 0
    except ZeroDivisionError as exc:
        saved = exc
    return saved, "exc" in locals()
s, present = f()
print(type(s).__name__, present)
