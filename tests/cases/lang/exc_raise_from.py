# raise ... from sets __cause__ and __suppress_context__; traceback shows the chain.
def a():
    try:
        {}["missing"]
    except KeyError as e:
        raise ValueError("converted") from e
try:
    a()
except ValueError as e:
    print(repr(e.__cause__), repr(e.__context__), e.__suppress_context__)
try:
    try:
        1 / 0
    except ZeroDivisionError:
        raise RuntimeError("no chain") from None
except RuntimeError as e:
    print(repr(e.__cause__), repr(e.__context__), e.__suppress_context__)
try:
    raise TypeError("x") from 5
except TypeError as e:
    print("TypeError:", e)
a()
