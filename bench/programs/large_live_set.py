# Memory: a large live set of a million small objects in dicts and lists.


class Item:
    __slots__ = ("key", "weight")

    def __init__(self, key, weight):
        self.key = key
        self.weight = weight


index = {}
buckets = [[] for _ in range(1000)]
for i in range(1000000):
    item = Item(i, (i * 2654435761) % 1000)
    index[i] = item
    buckets[item.weight].append(item)

total = 0
for bucket in buckets:
    total += len(bucket)
print(len(index), total, sum(b[0].key for b in buckets if b))
