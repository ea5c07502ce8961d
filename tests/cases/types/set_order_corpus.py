state = 11
def rnd(n):
    global state
    state = (state * 1103515245 + 12345) % 2 ** 31
    return state % n
for trial in range(25):
    size = rnd(60)
    kind = trial % 5
    if kind == 0:
        items = [rnd(1000) - 500 for _ in range(size)]
    elif kind == 1:
        items = [rnd(2 ** 30) * 2 ** rnd(40) for _ in range(size)]
    elif kind == 2:
        items = ["".join("abcdefghij"[rnd(10)] for _ in range(rnd(6))) for _ in range(size)]
    elif kind == 3:
        items = [rnd(100) / 8 for _ in range(size)]
    else:
        items = [(rnd(5), "t" * rnd(3)) for _ in range(size)]
    s = set(items)
    print(len(s), s)
    for x in items[::3]:
        s.discard(x)
    s.update(items[:5])
    print(s)
    print(frozenset(items[::2]))
d = {}
for i in range(50):
    d[rnd(100)] = i
    if i % 4 == 0 and d:
        del d[next(iter(d))]
print(d, set(d), set(d.items()) == set(d.items()))
