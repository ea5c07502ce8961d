# Mapping patterns use .get on Mapping subclasses; duplicate keys rejected.
from collections.abc import Mapping
class Logged(Mapping):
    def __init__(self, d): self.d = d
    def __getitem__(self, k):
        print("getitem", k)
        return self.d[k]
    def __iter__(self): return iter(self.d)
    def __len__(self): return len(self.d)
    def get(self, k, default=None):
        print("get", k)
        return self.d.get(k, default)
class Plain(dict):
    def __getitem__(self, k):
        print("dict getitem", k)
        return super().__getitem__(k)
for subject in [Plain(x=1, y=2), {"x": 1}]:
    match subject:
        case {"x": 1, "y": yy}:
            print("x and y", yy)
        case {"x": xx}:
            print("only x", xx)
try:
    compile("match m:\n case {'a': 1, 'a': 2}: pass\n", "<s>", "exec")
except SyntaxError as e:
    print("SyntaxError:", e.msg)
match Logged({"p": 1, "q": 2}):
    case {"p": 1, "q": qq, **rest}:
        print("Logged mapping", qq, rest)
