# Deleting a cell variable makes later free-variable reads fail.
def outer():
    x = 1
    def get():
        return x
    print(get())
    del x
    try:
        get()
    except NameError as e:
        print(type(e).__name__, e)
    x = 3
    print(get())
outer()
def outer2():
    def get():
        return y
    try:
        get()
    except NameError as e:
        print(type(e).__name__, e)
    y = 5
    return get()
print(outer2())
