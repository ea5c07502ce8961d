# Dropping a suspended coroutine closes it; a never-started one warns it was never awaited.
class Tick:
    def __await__(self): yield
async def task(name):
    try:
        await Tick()
        print("not reached")
    finally:
        print("finally", name)
c = task("suspended")
c.send(None)
del c
print("after drop")
async def never():
    pass
never()
print("end")
