# Uncaught NameError for a free variable referenced before assignment.
def outer():
    def inner():
        return value * 2
    print("calling")
    r = inner()
    value = 10
    return r
outer()
