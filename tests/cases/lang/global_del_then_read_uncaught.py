# Uncaught NameError reading a global deleted through a `global` declaration.
x = 5
def drop():
    global x
    del x
print(x)
drop()
print("x" in globals())
print(x)
