# Late binding of loop variables in closures, and the default-argument fix.
fs = [lambda: i for i in range(4)]
print([f() for f in fs])
gs = [lambda i=i: i for i in range(4)]
print([g() for g in gs])
hs = []
for j in range(3):
    def h():
        return j * 10
    hs.append(h)
print([h() for h in hs])
j = 99
print([h() for h in hs])
def make():
    out = []
    for k in range(3):
        out.append(lambda: k)
    k = "changed"
    return out
print([f() for f in make()])
