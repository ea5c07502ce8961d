# A failed unpacking releases the object it was unpacking (its __del__ runs at once) and
# nothing else: the items taken before the error are released too.
class Source:
    def __init__(self, n):
        self.n = n

    def __iter__(self):
        return iter([Item(i) for i in range(self.n)])

    def __del__(self):
        print("source released")


class Item:
    def __init__(self, i):
        self.i = i

    def __del__(self):
        print("item released", self.i)


for n in (1, 3):
    try:
        a, b = Source(n)
    except ValueError as e:
        print(e)
    try:
        a, *b, c, d = Source(n)
    except ValueError as e:
        print(e)
print("done")
