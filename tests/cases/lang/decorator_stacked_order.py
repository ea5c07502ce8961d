# Decorator expressions evaluate top-down, apply bottom-up.
def trace(label):
    print("eval", label)
    def deco(f):
        print("apply", label, f.__name__)
        def w(*a, **k):
            print("enter", label)
            r = f(*a, **k)
            print("exit", label)
            return r
        w.__name__ = f.__name__ + "_" + label
        return w
    return deco
@trace("a")
@trace("b")
@trace("c")
def target(x):
    print("body", x)
    return x * 2
print(target.__name__)
print(target(21))
