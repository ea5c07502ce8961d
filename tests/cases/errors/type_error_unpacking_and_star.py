def attempt(fn):
    try:
        fn()
        print("ok")
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
def un1():
    a, b = 1
def un2():
    a, b = [1, 2, 3]
def un3():
    a, b, c = (1,)
def un4():
    a, *b, c = [1]
def un5():
    a, b = "abc"
def un6():
    [a] = []
def un7():
    a, b = {1: 2}
def un8():
    a, b = None
def un9():
    (a, b), c = [1, 2]
def un10():
    a, b = iter(range(10))
for f in [un1, un2, un3, un4, un5, un6, un7, un8, un9, un10]:
    attempt(f)
attempt(lambda: print(*5))
attempt(lambda: print(**[]))
attempt(lambda: [*None])
attempt(lambda: {**[1]})
attempt(lambda: (*1,))
attempt(lambda: {*3})
attempt(lambda: dict(**{1: 2}))
attempt(lambda: max(*[]))
