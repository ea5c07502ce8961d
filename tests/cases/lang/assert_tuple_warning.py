# Asserting a tuple is always true; the compiler warns about it.
assert (False, "this is a tuple")
print("passed the always-true assert")
x = 0
try:
    assert x, ("tuple message", x)
except AssertionError as e:
    print(e.args)
