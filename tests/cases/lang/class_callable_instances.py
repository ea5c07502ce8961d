# Instances with __call__, bound methods as callables, and methods stored as attributes.
class Adder:
    def __init__(self, n): self.n = n
    def __call__(self, x): return x + self.n
print(list(map(Adder(10), [1, 2])))
class Holder:
    def __init__(self):
        self.fn = lambda x: x * 2
    def method(self, x): return x + 1
h = Holder()
print(h.fn(5), h.method(5))
m = h.method
del Holder.method
print(m(1))
try:
    h.method(1)
except AttributeError as e:
    print("AttributeError:", e)
Holder.static_fn = len
print(h.static_fn("abc"))
def free(self): return "bound free function"
Holder.free = free
print(h.free())
