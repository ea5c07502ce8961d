from __future__ import annotations
# With postponed evaluation annotations are stored as strings.
def f(a: List[int], b: "quoted" = 1, *c: x + y, d: dict[str, int] | None = None) -> Tuple[int, ...]:
    return a
print(f.__annotations__)
class Node:
    next: Node | None
    value: int = 0
    def link(self, other: Node) -> Node:
        return other
print(Node.__annotations__, Node.link.__annotations__)
v: lambda_not_evaluated(1, *rest) = 3
print(__annotations__)
