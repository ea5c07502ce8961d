# UnboundLocalError in several shapes.
count = 0
def inc():
    count += 1
def cond(flag):
    if flag:
        value = 1
    return value
def loop_var():
    for i in []:
        pass
    return i
def shadow():
    print(len)
    len = 5
def after_del():
    z = 1
    del z
    return z
for fn, args in [(inc, ()), (cond, (False,)), (loop_var, ()), (shadow, ()), (after_del, ())]:
    try:
        fn(*args)
    except UnboundLocalError as e:
        print(fn.__name__, "UnboundLocalError:", e, isinstance(e, NameError))
print(cond(True))
