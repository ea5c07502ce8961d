# A context manager object created in a with statement dies after the block.
class CM:
    def __init__(self, n): self.n = n
    def __enter__(self): print("enter", self.n); return "token"
    def __exit__(self, *a): print("exit", self.n)
    def __del__(self): print("del", self.n)
with CM("a") as t:
    print("body", t)
print("after with")
class Self(CM):
    def __enter__(self): print("enter", self.n); return self
with Self("b") as s:
    print("body")
print("s still bound")
del s
print("end")
