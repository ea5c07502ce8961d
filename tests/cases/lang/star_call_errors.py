# Call-site unpacking errors and their messages.
def f(*a, **k): pass
class NoKeys:
    def __getitem__(self, k): return 1
for bad in [lambda: f(*1), lambda: f(*None), lambda: f(**None), lambda: f(**NoKeys()),
            lambda: f(**{"a": 1}, **{"a": 2}), lambda: print(*5), lambda: [*7], lambda: {**[1]}]:
    try:
        bad()
    except TypeError as e:
        print("TypeError:", e)
