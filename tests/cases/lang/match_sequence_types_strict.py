# Sequence patterns reject str/bytes/mappings; custom sequences via collections.abc.
import collections.abc
class MySeq(collections.abc.Sequence):
    def __init__(self, *items): self.items = items
    def __len__(self): return len(self.items)
    def __getitem__(self, i): return self.items[i]
class FakeSeq:
    def __len__(self): return 2
    def __getitem__(self, i): return i
def m(s):
    match s:
        case [a, b]:
            return f"pair({a!r}, {b!r})"
        case [*all_items]:
            return f"seq of {len(all_items)}"
        case _:
            return "no"
for s in [MySeq(1, 2), MySeq(1, 2, 3), FakeSeq(), "ab", b"ab", bytearray(b"ab"), {1: 2, 3: 4}, (x for x in "ab"), memoryview(b"ab"), range(2)]:
    print(type(s).__name__, m(s))
