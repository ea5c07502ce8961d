# throw() and close() are forwarded through a yield-from chain.
def inner():
    try:
        yield "i1"
        yield "i2"
    except ValueError as e:
        print("inner caught", e)
        yield "i-recovered"
    finally:
        print("inner finally")
def middle():
    try:
        r = yield from inner()
        print("middle got", r)
        yield "m-after"
    finally:
        print("middle finally")
g = middle()
print(next(g))
print(g.throw(ValueError("x")))
print(next(g))
print(next(g, "exhausted"))
h = middle()
next(h)
h.close()
k = middle()
next(k)
try:
    k.throw(KeyError("kk"))
except KeyError as e:
    print("propagated", e)
