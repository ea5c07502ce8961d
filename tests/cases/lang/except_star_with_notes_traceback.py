# Uncaught ExceptionGroup whose members carry notes and causes.
def validate(i):
    if i == 1:
        try:
            int("x")
        except ValueError as e:
            raise TypeError(f"item {i}") from e
    err = ValueError(f"item {i}")
    err.add_note(f"index {i} rejected")
    raise err
errs = []
for i in range(2):
    try:
        validate(i)
    except Exception as e:
        errs.append(e)
raise ExceptionGroup("validation", errs)
