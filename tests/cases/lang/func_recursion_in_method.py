# RecursionError raised through __repr__ and other dunder calls is catchable.
class Loop:
    def __repr__(self):
        return repr(self)
try:
    repr(Loop())
except RecursionError as e:
    print("RecursionError:", e)
class Getattr:
    def __getattr__(self, name):
        return self.missing
try:
    Getattr().x
except RecursionError as e:
    print("RecursionError:", e)
l = []
l.append(l)
print(l)
d = {}
d['self'] = d
print(d)
print("still alive")
