# Chained method calls, builder pattern returning self, calls on literals.
class Q:
    def __init__(self): self.parts = []
    def select(self, *c): self.parts.append("SELECT " + ", ".join(c)); return self
    def where(self, cond): self.parts.append("WHERE " + cond); return self
    def build(self): return " ".join(self.parts)
print(Q().select("a", "b").where("a > 1").build())
print(" Hello World ".strip().lower().replace("world", "there").split())
print("-".join(map(str, range(3))).upper().center(11, "*"))
print([3, 1, 2].copy().__len__(), (1).__add__(2), 1.5.is_integer(), "ab".__getitem__(1))
print({"a": 1}.get("a").bit_length())
