# Uncaught RecursionError from a recursive walk that forgot its base case (repeated frames collapse).
class Node:
    def __init__(self, nxt): self.nxt = nxt
    def depth(self):
        return 1 + (self.nxt.depth() if self.nxt else 0)
n = None
for _ in range(5):
    n = Node(n)
print(n.depth())
def walk(node, seen=0):
    if node is None:
        return walk(node, seen + 1)
    return walk(node.nxt, seen + 1)
walk(n)
