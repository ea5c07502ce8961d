# Name mangling in attribute access, calls, imports-free names, and getattr strings.
class Base:
    __secret = "base"
    def __init__(self):
        self.__data = 1
    def get(self):
        return self.__secret, self.__data
    def __method(self):
        return "mangled method"
    def call(self):
        return self.__method()
class Sub(Base):
    __secret = "sub"
    def peek(self):
        return self.__secret, getattr(self, "_Base__data")
s = Sub()
print(s.get(), s.peek(), s.call())
print(sorted(k for k in vars(s)), "_Sub__secret" in Sub.__dict__)
try:
    s.__data
except AttributeError as e:
    print("AttributeError:", e)
class _Under:
    def f(self):
        self.__x = 1
        return list(vars(self))
print(_Under().f())
class K:
    def f(self):
        __local = 5
        return [n for n in dir() if "local" in n]
print(K().f())
