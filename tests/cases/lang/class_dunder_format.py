# __format__ hooks into format() and f-strings; object.__format__ rejects non-empty specs.
class Money:
    def __init__(self, v): self.v = v
    def __format__(self, spec):
        if spec == "usd":
            return f"${self.v:.2f}"
        return f"{self.v:{spec}}"
m = Money(3.14159)
print(format(m, "usd"), f"{m:usd}", f"{m:>10.3f}|", f"{m:}")
class Plain: 
    def __str__(self): return "plain"
print(format(Plain()), f"{Plain()}")
try:
    format(Plain(), "x")
except TypeError as e:
    print("TypeError:", e)
