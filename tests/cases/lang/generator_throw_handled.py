# throw() into a generator that handles, re-yields, or lets it escape.
def worker():
    while True:
        try:
            x = yield "ready"
            print("got", x)
        except ValueError as e:
            print("handled", e)
            yield "recovered"
        except KeyError:
            print("keyerror: finishing")
            return "finished"
g = worker()
print(next(g))
print(g.send(1))
print(g.throw(ValueError("bad")))
print(next(g))
try:
    g.throw(KeyError("k"))
except StopIteration as e:
    print("stop value", e.value)
g2 = worker()
next(g2)
try:
    g2.throw(TypeError, "tt")
except TypeError as e:
    print("escaped", e)
print(g2.gi_frame is None)
g3 = worker()
try:
    g3.throw(ValueError("before start"))
except ValueError as e:
    print("unstarted throw", e)
