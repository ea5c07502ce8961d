# Chained generator pipeline (lazy): each stage pulls from the previous.
def numbers():
    for i in range(1, 11):
        print("produce", i)
        yield i
def evens(src):
    for x in src:
        if x % 2 == 0:
            yield x
def squares(src):
    for x in src:
        yield x * x
def take(n, src):
    for i, x in enumerate(src):
        if i >= n:
            return
        yield x
print(list(take(2, squares(evens(numbers())))))
