# Printing nested data structures: reprs of nested containers, strings with quotes, floats.
data = {"name": "O'Brien", "tags": ["a", 'b"c'], "nums": (1, 2.5, -0.0, 1e100), "nested": {"x": [None, True]},
        "empty": [[], {}, (), set(), frozenset(), ""], "bytes": b"\x00ab\xff", "single": (1,)}
print(data)
print(str(data) == repr(data))
print([1, [2, [3, [4, [5]]]]], ((((),),),))
print({1: {2: {3: {}}}}, [range(3), slice(1, 2), Ellipsis, NotImplemented])
print(repr("tab\there\nnewline"), [ "multi\nline" ])
print(1e16, 1e15, 0.1 + 0.7, 100.0, 1.0e-7, 123456789012345678.0)
