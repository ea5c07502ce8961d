# Coroutine send/throw/close with a custom awaitable.
class Point:
    def __await__(self):
        try:
            got = yield "waiting"
        except KeyError as e:
            print("awaitable saw", repr(e))
            got = "recovered"
        return got
async def job():
    try:
        a = await Point()
        b = await Point()
        return a, b
    finally:
        print("job finally")
c = job()
print(c.send(None))
print(c.throw(KeyError("k")))
try:
    c.send("second")
except StopIteration as e:
    print("done", e.value)
c2 = job()
c2.send(None)
c2.close()
print(c2.cr_frame)
c3 = job()
c3.send(None)
try:
    c3.throw(ValueError("boom"))
except ValueError as e:
    print("escaped", e)
