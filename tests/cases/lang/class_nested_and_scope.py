# Nested classes, qualnames, and methods referencing class names.
class Outer:
    class Inner:
        class Deepest:
            pass
        def m(self): pass
    def make(self):
        class Local: pass
        return Local
print(Outer.Inner.__qualname__, Outer.Inner.Deepest.__qualname__)
print(Outer.Inner.m.__qualname__, Outer().make().__qualname__)
print(Outer.Inner.Deepest)
class Counter:
    total = 0
    def inc(self):
        Counter.total += 1
        return Counter.total
c = Counter(); c.inc(); print(c.inc())
