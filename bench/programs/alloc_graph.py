# Memory: building and dropping large acyclic object graphs (trees of instances and lists).


class Node:
    def __init__(self, left, right, value):
        self.left = left
        self.right = right
        self.value = value


def build(depth, value):
    if depth == 0:
        return Node(None, None, value)
    return Node(build(depth - 1, value * 2), build(depth - 1, value * 2 + 1), value)


def check(node):
    if node.left is None:
        return node.value
    return node.value + check(node.left) - check(node.right)


total = 0
long_lived = build(16, 1)
for i in range(8):
    tree = build(14, i)
    total += check(tree)
    rows = [[j, str(j), (j, j)] for j in range(20000)]
    total += len(rows)
print(total, check(long_lived))
