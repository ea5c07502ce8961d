# marshal.dumps of computed numbers: CPython flags an int outside -5..256 or a float by its
# reference count (a computed one held once is not flagged, equal ones are distinct objects).
# krait's ints below 2**47 and floats are immediates without a count: written as constants.
import marshal
print(marshal.dumps(list(range(250, 300))))
print(marshal.dumps([float(i) / 2 for i in range(5)]))
x = 1000 + len("ab")
print(marshal.dumps([x, x, 1000 + len("ab")]))
print(marshal.dumps(float("nan")), marshal.dumps([float("nan")] * 2))
