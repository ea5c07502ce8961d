# A with block inside a suspended generator exits when the generator is closed.
class CM:
    def __enter__(self): print("enter"); return self
    def __exit__(self, et, ev, tb):
        print("exit with", et.__name__ if et else None)
        return False
def gen():
    with CM():
        yield 1
        yield 2
g = gen()
print(next(g))
g.close()
print("closed")
g2 = gen()
next(g2)
try:
    g2.throw(ValueError("thrown"))
except ValueError as e:
    print("propagated", e)
