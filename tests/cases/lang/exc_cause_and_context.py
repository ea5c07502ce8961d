# An explicit cause with its own context: the printed chain follows __cause__ then __context__.
try:
    try:
        raise OSError("disk")
    except OSError as low:
        try:
            raise ValueError("parse")
        except ValueError as mid:
            raise RuntimeError("top") from low
except RuntimeError as e:
    print(repr(e.__cause__), repr(e.__context__))
    err = e
raise err
