# Counting live instances with __init__/__del__ through a program's phases.
class Tracked:
    live = 0
    def __init__(self): Tracked.live += 1
    def __del__(self): Tracked.live -= 1
def phase():
    items = [Tracked() for _ in range(100)]
    print("inside", Tracked.live)
    return items[:10]
kept = phase()
print("after phase", Tracked.live)
kept = kept[:3]
print("after trimming", Tracked.live)
d = {i: Tracked() for i in range(5)}
print("with dict", Tracked.live)
d.clear(); kept.clear()
print("end", Tracked.live)
