# nonlocal rebinds variables in the nearest enclosing function scope.
def outer():
    a = 1
    def middle():
        a = 2
        def inner():
            nonlocal a
            a += 10
            return a
        r = inner()
        return a, r
    m = middle()
    return a, m
print(outer())
def shared():
    x = 0
    def get(): return x
    def set_(v):
        nonlocal x
        x = v
    return get, set_
g, s = shared()
s(42)
print(g())
def deep():
    v = "d0"
    def l1():
        def l2():
            def l3():
                nonlocal v
                v = "d3"
            l3()
        l2()
    l1()
    return v
print(deep())
