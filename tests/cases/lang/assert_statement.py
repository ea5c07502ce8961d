# assert with and without a message; message evaluated only on failure.
assert True
assert 1 == 1, "never shown"
def msg():
    print("message evaluated")
    return "the message"
assert 1, msg()
try:
    assert 0, msg()
except AssertionError as e:
    print("AssertionError:", e, e.args)
try:
    assert []
except AssertionError as e:
    print("no message:", repr(e), e.args)
x = 5
assert isinstance(x, str), f"x is {type(x).__name__}"
