class Proxy:
    def __init__(self, target):
        self._target = target

    def __getattr__(self, name):
        return getattr(self._target, name)

p = Proxy([1, 2])
print(p.count(1))
print(p.nonexistent)
