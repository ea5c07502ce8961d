# Several closures share one cell; deleting the variable unbinds it for all of them.
def make():
    x = 1
    def get(): return x
    def inc():
        nonlocal x
        x += 1
    def remove():
        nonlocal x
        del x
    return get, inc, remove
get, inc, remove = make()
inc(); inc()
print(get())
remove()
try:
    get()
except NameError as e:
    print(type(e).__name__ + ":", e)
print(get.__closure__[0] is inc.__closure__[0])
try:
    get.__closure__[0].cell_contents
except ValueError as e:
    print("ValueError:", e)
