# AttributeError messages for instances, classes, modules, and builtins; with suggestions.
class C:
    def __init__(self):
        self.value = 1
c = C()
for fn in [lambda: c.missing, lambda: C.missing, lambda: (5).foo, lambda: "s".nope,
           lambda: None.attr, lambda: c.valeu]:
    try:
        fn()
    except AttributeError as e:
        print("AttributeError:", e)
try:
    del c.nothere
except AttributeError as e:
    print("AttributeError:", e)
try:
    (1).real = 5
except AttributeError as e:
    print("AttributeError:", e)
try:
    object().x = 1
except AttributeError as e:
    print("AttributeError:", e)
print(getattr(c, "missing", "default"), hasattr(c, "value"), hasattr(c, "nope"))
c.valeu
