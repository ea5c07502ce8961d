# A coroutine-style generator pipeline using send and throw together.
def averager():
    total = count = 0
    avg = None
    while True:
        try:
            v = yield avg
        except ValueError:
            print("reset requested")
            total = count = 0
            avg = None
            continue
        if v is None:
            return (count, avg)
        total += v
        count += 1
        avg = total / count
a = averager()
next(a)
print(a.send(10), a.send(20))
a.throw(ValueError)
print(a.send(4), a.send(6))
try:
    a.send(None)
except StopIteration as e:
    print("final", e.value)
def printer():
    while True:
        item = yield
        print("printer got", item)
def filt(target):
    while True:
        item = yield
        if item % 2:
            target.send(item)
p = printer(); next(p)
f = filt(p); next(f)
for i in range(5):
    f.send(i)
