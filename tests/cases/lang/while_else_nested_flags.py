# Search loops with while/else and nested breaks via flags and exceptions.
def first_pair_sum(nums, target):
    i = 0
    while i < len(nums):
        j = i + 1
        while j < len(nums):
            if nums[i] + nums[j] == target:
                break
            j += 1
        else:
            i += 1
            continue
        return i, j
    else:
        return None
print(first_pair_sum([1, 4, 6, 9], 10), first_pair_sum([1, 2], 10))
class Found(Exception): pass
def find3(grid, v):
    try:
        for r, row in enumerate(grid):
            for c, x in enumerate(row):
                if x == v:
                    raise Found((r, c))
    except Found as f:
        return f.args[0]
    return "absent"
print(find3([[1, 2], [3, 4]], 3), find3([[1]], 9))
n = 10
while n := n - 3:
    if n < 0:
        print("negative", n)
        break
else:
    print("hit zero")
