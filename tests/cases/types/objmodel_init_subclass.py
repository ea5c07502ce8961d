class Base:
    registry = []
    def __init_subclass__(cls, /, tag=None, **kwargs):
        super().__init_subclass__(**kwargs)
        cls.tag = tag
        Base.registry.append(cls.__name__)
class One(Base, tag="one"):
    pass
class Two(Base):
    pass
print(Base.registry, One.tag, Two.tag)
try:
    class Three(Base, unknown=1):
        pass
except TypeError as e:
    print(e)
class Gen:
    def __class_getitem__(cls, item):
        return f"{cls.__name__}[{item!r}]"
print(Gen[int], Gen["x", 1])
print(list[int], dict[str, list[int]], tuple[int, ...], type(list[int]).__name__, list[int]([1, 2]))
print(list[int].__origin__, list[int].__args__, list[int] == list[int])
try:
    int[str]
except TypeError as e:
    print(e)
