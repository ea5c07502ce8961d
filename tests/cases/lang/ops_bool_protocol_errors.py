# __bool__ and __len__ driving truthiness; bad return types.
class Len:
    def __init__(self, n): self.n = n
    def __len__(self): return self.n
class BadBool:
    def __bool__(self): return 1
class BadLen:
    def __len__(self): return -1
class HugeLen:
    def __len__(self): return 2 ** 70
print(bool(Len(0)), bool(Len(3)), not Len(0))
for obj in [BadBool(), BadLen(), HugeLen()]:
    try:
        if obj:
            print("truthy")
    except (TypeError, ValueError, OverflowError) as e:
        print(type(e).__name__ + ":", e)
class Both:
    def __bool__(self): return False
    def __len__(self): return 10
print(bool(Both()), "yes" if Both() else "no", Both() or "fallback")
