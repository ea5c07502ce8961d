# Uncaught exception raised from nested generators shows every frame.
def parse(items):
    for it in items:
        yield int(it)
def doubled(items):
    for v in parse(items):
        yield v * 2
def main():
    out = []
    for v in doubled(["1", "2", "x3"]):
        out.append(v)
        print("got", v)
    return out
main()
