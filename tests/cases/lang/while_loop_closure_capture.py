# Closures created in a while loop capture the variable, not each value.
fns = []
i = 0
while i < 3:
    fns.append(lambda: i)
    i += 1
print([f() for f in fns])
def make():
    fs = []
    j = 0
    while j < 3:
        def f(j=j): return j
        fs.append(f)
        j += 1
    return fs
print([f() for f in make()])
