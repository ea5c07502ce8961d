# Memory: ten million objects in reference cycles, each with a __del__ that counts itself
# (every one must run exactly once; the cycle collector reclaims them as they go).
deleted = 0


class Node:
    __slots__ = ("other", "__weakref__")

    def __del__(self):
        global deleted
        deleted += 1


def churn(pairs):
    for _ in range(pairs):
        a = Node()
        b = Node()
        a.other = b
        b.other = a


churn(5_000_000)
import gc
gc.collect()
print("created", 10_000_000, "deleted", deleted)
