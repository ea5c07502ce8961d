# from __future__ import annotations keeps annotations as strings.
from __future__ import annotations
def f(a: SomeUndefinedType, b: list[int] = None) -> dict[str, "X"]:
    return {}
print(f.__annotations__)
class C:
    attr: C | None
    n: 1 + 2
print(C.__annotations__)
v: undefined_at_runtime.attr = 3
print(__annotations__)
