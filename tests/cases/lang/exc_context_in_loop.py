# Raising inside an except block in a loop chains only the active exception.
errors = []
for i in range(3):
    try:
        try:
            raise ValueError(i)
        except ValueError:
            raise KeyError(i)
    except KeyError as e:
        errors.append(e)
for e in errors:
    print(repr(e), repr(e.__context__), repr(e.__context__.__context__))
try:
    try:
        raise ValueError("a")
    except ValueError as a:
        raise a
except ValueError as same:
    print("re-raising same object: context is", same.__context__)
