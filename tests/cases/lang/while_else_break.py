# while with else, break and continue.
i = 0
while i < 5:
    i += 1
    if i == 2:
        continue
    print("i", i)
else:
    print("else ran, i =", i)
n = 0
while True:
    n += 1
    if n > 3:
        break
print("n", n)
j = 10
while j > 0:
    if j == 7:
        print("breaking at", j)
        break
    j -= 1
else:
    print("not printed")
k = 0
while k:
    print("never")
else:
    print("else of never-entered while")
