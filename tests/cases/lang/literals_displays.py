# Tuple, list, dict and set displays, including trailing commas and empties.
print((), (1,), (1, 2,), [], [1,], {}, {1: 2,}, {1, 2,}, set())
print(type(()).__name__, type({}).__name__, type({1}).__name__)
t = 1, 2, 3
print(t, type(t).__name__)
one = 1,
print(one)
print({1: "a", 1.0: "b", True: "c"})
print({1, 1.0, True, 2})
print([[]] * 3, [[] for _ in range(3)])
m = [[]] * 2
m[0].append(1)
print(m)
print({"b": 1, "a": 2}, list({"b": 1, "a": 2}))
print({(1, 2): "tuple key", frozenset({1}): "frozenset key"})
