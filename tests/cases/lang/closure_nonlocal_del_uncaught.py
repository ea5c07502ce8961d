# Uncaught NameError after an inner function deletes a nonlocal binding.
def f():
    x = 1
    def g():
        nonlocal x
        del x
    print("before", x)
    g()
    return x
f()
