# Class-level attribute lookups: metaclass attributes, methods via the class, __dict__ views.
class Meta(type):
    meta_attr = "from metaclass"
    def meta_method(cls): return f"meta_method on {cls.__name__}"
class C(metaclass=Meta):
    cls_attr = "from class"
print(C.meta_attr, C.meta_method(), C.cls_attr)
try:
    C().meta_attr
except AttributeError as e:
    print("AttributeError:", e)
print(type(C.__dict__).__name__, "cls_attr" in C.__dict__)
try:
    C.__dict__["new"] = 1
except TypeError as e:
    print("TypeError:", e)
setattr(C, "added", 5)
print(C.added, getattr(C, "added"))
delattr(C, "added")
print(hasattr(C, "added"))
try:
    int.new_attr = 1
except TypeError as e:
    print("TypeError:", e)
