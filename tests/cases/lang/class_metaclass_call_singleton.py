# A metaclass __call__ implements singletons and instance counting.
class SingletonMeta(type):
    _instances = {}
    def __call__(cls, *a, **k):
        if cls not in cls._instances:
            print("creating", cls.__name__)
            cls._instances[cls] = super().__call__(*a, **k)
        return cls._instances[cls]
class Config(metaclass=SingletonMeta):
    def __init__(self, name="default"):
        print("Config.__init__", name)
        self.name = name
a = Config("first")
b = Config("second")
print(a is b, b.name)
class Sub(Config): pass
s = Sub("sub")
print(s is a, s.name, type(s).__name__)
