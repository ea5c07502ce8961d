class MyError(Exception):
    pass
try:
    raise MyError("bad", 42)
except MyError as e:
    print(repr(e), str(e), e.args)
try:
    try:
        {}['missing']
    except KeyError as e:
        raise ValueError("converted") from e
except ValueError as e:
    print(repr(e), repr(e.__cause__), e.__suppress_context__)
try:
    try:
        1 / 0
    except ZeroDivisionError:
        int("x")
except ValueError as e:
    print(e, type(e.__context__).__name__)
def f():
    try:
        return "try"
    finally:
        print("finally")
print(f())
for i in range(3):
    try:
        if i == 1:
            continue
        print("body", i)
    finally:
        print("cleanup", i)
e = StopIteration(7)
print(e.value, SystemExit(3).code, KeyError('k'), OSError(2, 'No such file', 'x.txt'))
print(ImportError('m', name='n').name, AttributeError('a', name='n', obj=1).obj)
err = ValueError("x")
err.add_note("a note")
print(err.__notes__)
try:
    raise TypeError
except (ValueError, TypeError) as e:
    print("tuple match", repr(e))
try:
    assert 1 == 2, "math"
except AssertionError as e:
    print("assert", e)
import sys
try:
    raise RuntimeError("x")
except RuntimeError:
    print(sys.exc_info()[0].__name__)
print(sys.exc_info())
