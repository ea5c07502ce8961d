# __instancecheck__ and __subclasscheck__ on metaclasses; __class_getitem__.
class Meta(type):
    def __instancecheck__(cls, inst):
        print("instancecheck", inst)
        return isinstance(inst, int)
    def __subclasscheck__(cls, sub):
        print("subclasscheck", sub.__name__)
        return True
class Anything(metaclass=Meta): pass
print(isinstance(5, Anything), isinstance("s", Anything))
print(issubclass(str, Anything))
class G:
    def __class_getitem__(cls, item):
        return f"G[{item!r}]"
print(G[int], G["x", 1])
print(list[int], dict[str, list[int]])
try:
    isinstance(1, 5)
except TypeError as e:
    print("TypeError:", e)
