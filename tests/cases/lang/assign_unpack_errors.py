# Unpacking a wrong number of items raises ValueError with CPython's messages.
def attempt(fn):
    try:
        fn()
    except Exception as e:
        print(type(e).__name__ + ":", e)
def too_many():
    a, b = 1, 2, 3
def too_few():
    a, b, c = [1, 2]
def not_iterable():
    a, b = 5
def star_too_few():
    a, b, *c = [1]
def from_gen():
    a, b = (x for x in range(5))
def from_str():
    a, b = "abc"
def none_unpack():
    a, b = None
attempt(too_many)
attempt(too_few)
attempt(not_iterable)
attempt(star_too_few)
attempt(from_gen)
attempt(from_str)
attempt(none_unpack)
a, b = 1, 2, 3
