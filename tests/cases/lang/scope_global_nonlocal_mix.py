# global and nonlocal on the same name at different levels.
x = "module"
def outer():
    x = "outer local"
    def g():
        global x
        x = "set by g"
    def n():
        nonlocal x
        x = "set by n"
    g()
    print("after g:", x)
    n()
    print("after n:", x)
    def reader():
        return x
    return reader()
print(outer())
print("module x:", x)
def shadow():
    x = "shadow"
    def inner():
        def innermost():
            return x
        return innermost()
    return inner()
print(shadow())
print(compile("global x\nx = 1", "<m>", "exec") is not None)
