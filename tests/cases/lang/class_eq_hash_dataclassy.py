# A hand-written value class with ordering via __lt__ and sort stability.
class Version:
    def __init__(self, s):
        self.parts = tuple(int(p) for p in s.split("."))
        self.s = s
    def __eq__(self, o): return self.parts == o.parts
    def __lt__(self, o): return self.parts < o.parts
    def __hash__(self): return hash(self.parts)
    def __repr__(self): return f"V{self.s}"
vs = [Version(s) for s in ["1.10", "1.2", "1.2.0", "0.9", "1.2"]]
print(sorted(vs))
print(max(vs), min(vs))
print(len(set(vs)))
print(Version("1.0") in vs, Version("1.2") in vs)
