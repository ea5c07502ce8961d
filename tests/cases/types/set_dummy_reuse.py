# Which deleted entry a set reuses decides its printed order: CPython 3.11 takes the last one on
# the probe path (small tables probe one slot at a time, large ones nine in a row).
s = {1, 6, 7, 2}
s.discard(1)
s.discard(6)
s.add(9)
print(s)
s = set(range(20))
for i in range(0, 20, 3):
    s.discard(i)
s.update([0, 3, 100, 33, 6])
print(s)
s = set(range(200))
for i in range(0, 200, 7):
    s.remove(i)
for i in range(0, 400, 13):
    s.add(i)
print(s)
words = {"alpha", "beta", "gamma", "delta", "epsilon", "zeta"}
words -= {"beta", "delta"}
words |= {"delta", "eta", "beta"}
print(words)
