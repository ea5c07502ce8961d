# Walking __traceback__: tb_lineno, tb_frame.f_code.co_name, tb_next, with_traceback.
def a(): b()
def b(): c()
def c(): raise KeyError("deep")
try:
    a()
except KeyError as e:
    tb = e.__traceback__
    while tb:
        print(tb.tb_frame.f_code.co_name, tb.tb_lineno)
        tb = tb.tb_next
try:
    try:
        a()
    except KeyError as e:
        raise ValueError("rewrapped").with_traceback(e.__traceback__)
except ValueError as v:
    depth = 0
    tb = v.__traceback__
    while tb:
        depth += 1
        tb = tb.tb_next
    print("frames in rewrapped traceback:", depth)
e = RuntimeError()
print(e.__traceback__, e.with_traceback(None) is e)
