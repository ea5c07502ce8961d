state = 3
def rnd(n):
    global state
    state = (state * 1103515245 + 12345) % 2 ** 31
    return state % n
for i in range(200):
    b = bytes(rnd(256) for _ in range(rnd(30)))
    print(b, hash(b), hash(memoryview(b)) if i % 10 == 0 else "")
values = [0, 1, -1, 2 ** 64, 1.5, -0.0, "s", "", b"b", (), (1,), True, 1j]
for i in range(200):
    t = tuple(values[rnd(len(values))] for _ in range(rnd(6)))
    if i % 7 == 0:
        t = (t, (t,))
    print(t, hash(t))
print(hash(frozenset()), hash(frozenset(range(10))), hash(frozenset("abc")), hash(frozenset([(1, 2), "x", 3.5])))
