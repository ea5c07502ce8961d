# while loops with walrus, complex conditions, and nested break/continue/else.
stack = [1, 2, 3, 4]
while stack and (top := stack.pop()) != 2:
    print("popped", top)
print("remaining", stack, "top", top)
n, steps = 27, 0
while n != 1:
    n = n // 2 if n % 2 == 0 else 3 * n + 1
    steps += 1
print("collatz steps", steps)
i = 0
while i < 3:
    j = 0
    while True:
        j += 1
        if j > i:
            break
    else:
        print("unreachable")
    i += 1
    if i == 2:
        continue
    print("i", i, "j", j)
else:
    print("outer else")
