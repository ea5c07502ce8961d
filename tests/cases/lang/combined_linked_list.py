# Combined: a linked list with iteration, len, indexing, equality, repr and slicing errors.
class Node:
    __slots__ = ("value", "next")
    def __init__(self, value, next=None):
        self.value, self.next = value, next
class LinkedList:
    def __init__(self, items=()):
        self.head = None
        self.size = 0
        for x in reversed(list(items)):
            self.head = Node(x, self.head)
            self.size += 1
    def __iter__(self):
        n = self.head
        while n:
            yield n.value
            n = n.next
    def __len__(self): return self.size
    def __getitem__(self, i):
        if not isinstance(i, int):
            raise TypeError(f"indices must be int, not {type(i).__name__}")
        if i < 0: i += self.size
        for j, v in enumerate(self):
            if j == i:
                return v
        raise IndexError("linked list index out of range")
    def __eq__(self, other):
        return isinstance(other, LinkedList) and list(self) == list(other)
    def __repr__(self):
        return "LinkedList([" + ", ".join(map(repr, self)) + "])"
ll = LinkedList("abc")
print(ll, len(ll), ll[0], ll[-1], list(ll), "b" in ll, ll == LinkedList(["a", "b", "c"]))
for bad in [lambda: ll[5], lambda: ll["x"], lambda: ll[1:2]]:
    try:
        bad()
    except (IndexError, TypeError) as e:
        print(type(e).__name__ + ":", e)
