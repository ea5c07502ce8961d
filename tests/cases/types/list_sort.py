data = [("b", 2), ("a", 2), ("c", 1), ("a", 1)]
print(sorted(data), sorted(data, key=lambda t: t[1]), sorted(data, key=lambda t: t[1], reverse=True))
words = ["banana", "Apple", "cherry", "apple", "Banana"]
words.sort(key=str.lower)
print(words)
words.sort(key=len, reverse=True)
print(words)
nums = [3, -1, 2, -5, 4]
nums.sort(key=abs)
print(nums, sorted(nums, reverse=True), sorted([2.5, 1, True, 0.5]))
print(sorted("hello"), sorted({3: 1, 1: 2}), sorted([[2, 1], [1, 2], [1]]))
stable = sorted([(i % 3, i) for i in range(10)], key=lambda p: p[0])
print(stable)
try:
    sorted([1, "a", 2])
except TypeError as e:
    print(e)
lst = [3, 2, 1]
def bad(v):
    lst.append(v)
    return v
try:
    lst.sort(key=bad)
except ValueError as e:
    print(e)
print(sorted([], key=len), sorted((1,)), list(reversed(sorted(range(5)))))
