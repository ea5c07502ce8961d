# assert with and without messages, message evaluation laziness.
def check(x):
    assert x > 0, f"x must be positive, got {x}"
    return x
print(check(5))
try:
    check(-1)
except AssertionError as e:
    print("AssertionError:", e, e.args)
try:
    assert False
except AssertionError as e:
    print("no message:", repr(e), e.args)
calls = []
def msg():
    calls.append(1)
    return "computed"
assert True, msg()
print("lazy:", calls)
try:
    assert [], msg()
except AssertionError as e:
    print(e, calls)
class Custom:
    def __repr__(self): return "Custom()"
try:
    assert 0, Custom()
except AssertionError as e:
    print(e.args)
