def attempt(label, fn):
    try:
        fn()
        print(label, "ok")
    except TypeError as e:
        print(label, e)
def iadd():
    x = 1
    x += "a"
def isub():
    x = "s"
    x -= 1
def imul():
    x = [1]
    x *= 1.5
def ipow():
    x = None
    x **= 2
def imatmul():
    x = 1
    x @= 2
def ior():
    x = {1: 2}
    x |= [1]
def iand():
    x = {1}
    x &= [1]
def ilshift():
    x = 1.0
    x <<= 1
def iconcat():
    x = (1,)
    x += [2]
def ilist():
    x = [1]
    x += 5
for f in [iadd, isub, imul, ipow, imatmul, ior, iand, ilshift, iconcat, ilist]:
    attempt(f.__name__, f)
