def attempt(fn):
    try:
        fn()
    except NameError as e:
        print(type(e).__name__, e)
x = 10
def read_before_assign():
    print(x)
    x = 5
def augmented():
    x += 1
def in_loop():
    for i in range(2):
        if i:
            print(y)
        y = i
    del y
    return y
def del_then_use():
    z = 1
    del z
    del z
def closure_cell():
    def inner():
        return cell
    r = inner
    cell = 1
    del cell
    return r()
def conditional(flag=False):
    if flag:
        v = 1
    return v
for f in [read_before_assign, augmented, in_loop, del_then_use, closure_cell, conditional]:
    attempt(f)
print(issubclass(UnboundLocalError, NameError))
try:
    conditional()
except UnboundLocalError as e:
    print(repr(e), e.args, e.name if hasattr(e, "name") else "no name attr")
