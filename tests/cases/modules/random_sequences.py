# random.py over _random: the Mersenne Twister's sequences equal CPython's for every seeding path
# (int, negative, big, str/bytes via sha512, float via hash) and for what random.py derives.
import random

random.seed(42)
print(random.random(), random.random())
print(random.randrange(100), random.randint(1, 6), random.choice("abcdef"))
lst = list(range(20))
random.shuffle(lst)
print(lst)
print(random.sample(range(1000), 5))
print(random.uniform(1, 2), random.gauss(0, 1), random.normalvariate(5, 2))
print(random.expovariate(1.5), random.betavariate(2, 3), random.gammavariate(2, 1))
print(random.triangular(0, 10, 3), random.vonmisesvariate(1, 2), random.paretovariate(3), random.weibullvariate(1, 2))
print(random.lognormvariate(0, 1), random.choices("abc", weights=[1, 2, 3], k=5), random.getrandbits(100))
print(random.randbytes(10))
for seed in [0, 1, -1, 2 ** 32, 2 ** 32 - 1, 2 ** 100 + 12345, -(2 ** 70), "hello", b"hello", bytearray(b"xy"), "", 1.5,
             -2.25, 123456789.0]:
    r = random.Random(seed)
    print(repr(seed), r.random(), r.getrandbits(7), r.randrange(10 ** 30))
r = random.Random(7)
print([r.getrandbits(k) for k in [0, 1, 31, 32, 33, 64, 65, 200]])
state = r.getstate()
a = [r.random() for _ in range(5)]
r.setstate(state)
print(a == [r.random() for _ in range(5)], len(state), state[0], len(state[1]), state[1][-1], state[2])
r.seed("abc", version=1)
print(r.random())
r.seed(12, version=2)
print(r.random())
for _ in range(700):
    r.random()
print(r.random(), r.getstate()[1][-1])
import _random
b = _random.Random(5)
print(b.random(), _random.Random.__new__(_random.Random).random())
b.seed()
print(type(b.random()))
b.seed(None)
b.seed(3)
print(b.random())


def t(f):
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)


t(lambda: b.getrandbits(-1))
t(lambda: b.getrandbits(1.5))
t(lambda: b.getrandbits(2 ** 70))
t(lambda: b.setstate(1))
t(lambda: b.setstate((1,)))
t(lambda: b.setstate((1,) * 624 + (625,)))
t(lambda: b.setstate((-1,) * 624 + (5,)))
t(lambda: b.setstate(("a",) * 624 + (5,)))
t(lambda: b.setstate((2 ** 64,) * 624 + (5,)))
t(lambda: b.setstate((2 ** 32 + 5,) * 624 + (624,)))
t(lambda: b.random())
t(lambda: b.seed(1, 2))
t(lambda: b.seed([]))
t(lambda: _random.Random(1, 2))
t(lambda: _random.Random(x=1))
t(lambda: random.Random([]))
t(lambda: random.seed({}))


class R(_random.Random):
    def __init__(self, *a, **k):
        pass


print(type(R(x=1)).__name__, sorted(n for n in dir(_random.Random) if not n.startswith("__")))
print(random.Random.__mro__)
