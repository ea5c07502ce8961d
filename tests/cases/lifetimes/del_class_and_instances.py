# Instances keep their class alive; a class dies (with gc) after its last instance.
import gc
gc.disable()
gc.collect()
import weakref
class Meta(type):
    pass
def make():
    class Temp(metaclass=Meta):
        def __del__(self): print("instance del")
    return Temp()
obj = make()
cls_ref = weakref.ref(type(obj), lambda r: print("class gone"))
print("class alive:", cls_ref() is not None)
del obj
print("instance gone; class alive until collection:", cls_ref() is not None)
gc.collect()
print("after collect:", cls_ref())
