# Async generator asend/athrow driven without an event loop.
async def agen():
    received = []
    try:
        while True:
            try:
                v = yield len(received)
                received.append(v)
            except ValueError as e:
                print("agen caught", e)
                yield "recovered"
    finally:
        print("agen finally, received", received)
def run(aw):
    try:
        aw.send(None)
    except StopIteration as e:
        return e.value
g = agen()
print(run(g.asend(None)))
print(run(g.asend("a")))
print(run(g.asend("b")))
print(run(g.athrow(ValueError("bad"))))
run(g.aclose())
try:
    run(g.asend(None))
except StopAsyncIteration:
    print("StopAsyncIteration")
