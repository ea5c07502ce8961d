# weakref.finalize: runs once at death, can be called early, and runs at exit if still alive.
import weakref
class Res:
    def __init__(self, n): self.n = n
def cleanup(name):
    print("cleanup", name)
    return "done " + name
r = Res(1)
f = weakref.finalize(r, cleanup, "r1")
print(f.alive)
del r
print(f.alive, f())
r2 = Res(2)
f2 = weakref.finalize(r2, cleanup, "r2")
print(f2(), f2.alive, f2())
r3 = Res(3)
f3 = weakref.finalize(r3, cleanup, "r3 at exit")
r4 = Res(4)
f4 = weakref.finalize(r4, cleanup, "r4 detached")
print(f4.detach()[1:])
print("end of program")
