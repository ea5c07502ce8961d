# Closing the last stage of a generator pipeline closes upstream stages via finally.
def source(n):
    try:
        for i in range(n):
            yield i
    finally:
        print("source closed")
def mapper(it):
    try:
        for v in it:
            yield v * 10
    finally:
        print("mapper closing upstream")
        it.close()
def take(it, k):
    out = []
    for v in it:
        out.append(v)
        if len(out) == k:
            break
    return out
pipe = mapper(source(100))
print(take(pipe, 3))
pipe.close()
print("pipeline done")
