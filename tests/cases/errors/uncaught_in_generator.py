def gen():
    yield 1
    yield int("x")

for v in gen():
    print(v)
