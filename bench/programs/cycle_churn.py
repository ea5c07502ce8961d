# Memory: creating and dropping objects in reference cycles, reclaimed by the cycle collector.


class Pair:
    def __init__(self):
        self.other = None
        self.payload = [1, 2, 3]


def churn(n):
    made = 0
    for _ in range(n):
        a = Pair()
        b = Pair()
        a.other = b
        b.other = a
        made += 1
    return made


def ring(n):
    first = Pair()
    node = first
    for _ in range(n):
        nxt = Pair()
        node.other = nxt
        node = nxt
    node.other = first
    return first


total = churn(600000)
for _ in range(30):
    ring(5000)
print(total)
