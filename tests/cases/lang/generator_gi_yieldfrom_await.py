# gi_yieldfrom / cr_await expose the delegated-to iterator.
def inner():
    yield 1
    yield 2
def outer():
    yield from inner()
g = outer()
print(g.gi_yieldfrom)
next(g)
print(type(g.gi_yieldfrom).__name__, g.gi_yieldfrom.gi_code.co_name)
list(g)
print(g.gi_yieldfrom)
class Aw:
    def __await__(self):
        yield "x"
async def co():
    await Aw()
c = co()
print(c.cr_await)
c.send(None)
print(type(c.cr_await).__name__)
c.close()
print(c.cr_await, g.gi_suspended if hasattr(g, "gi_suspended") else "n/a")
