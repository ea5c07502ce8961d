# with calls __enter__/__exit__; as binds __enter__'s result; exit sees the exception.
class CM:
    def __init__(self, name): self.name = name
    def __enter__(self):
        print("enter", self.name)
        return self.name.upper()
    def __exit__(self, et, ev, tb):
        print("exit", self.name, et.__name__ if et else None, ev, tb is not None)
        return False
with CM("a") as v:
    print("body", v)
try:
    with CM("b"):
        raise ValueError("inside")
except ValueError as e:
    print("propagated", e)
with CM("x") as x, CM("y") as y:
    print("two managers", x, y)
def early():
    with CM("ret"):
        return "returned"
print(early())
for i in range(2):
    with CM(f"loop{i}"):
        if i == 0:
            continue
        break
