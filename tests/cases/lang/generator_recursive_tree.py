# Recursive generators with yield from: tree traversal and permutations.
class Node:
    def __init__(self, v, *kids): self.v, self.kids = v, kids
    def walk(self, depth=0):
        yield depth, self.v
        for k in self.kids:
            yield from k.walk(depth + 1)
tree = Node("root", Node("a", Node("a1"), Node("a2")), Node("b", Node("b1")))
for depth, v in tree.walk():
    print("  " * depth + v)
def perms(items):
    if len(items) <= 1:
        yield list(items)
        return
    for i, x in enumerate(items):
        for p in perms(items[:i] + items[i + 1:]):
            yield [x] + p
print(list(perms([1, 2, 3])))
def flatten(x):
    if isinstance(x, list):
        for y in x:
            yield from flatten(y)
    else:
        yield x
print(list(flatten([1, [2, [3, [4]], 5]])))
