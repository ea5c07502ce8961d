# gc.get_referents and gc.get_referrers on simple containers.
import gc
a, b = object(), object()
lst = [a, b]
names = {id(a): "a", id(b): "b"}
print(sorted(names[id(x)] for x in gc.get_referents(lst)))
t = (lst, "x")
print(len(gc.get_referents(t)), any(x is lst for x in gc.get_referents(t)))
d = {"k": a}
print(sorted(map(type, gc.get_referents(d)), key=lambda c: c.__name__))
holder = [a]
refs = [r for r in gc.get_referrers(a) if isinstance(r, list)]
print(len(refs), any(r is holder for r in refs), any(r is lst for r in refs))
