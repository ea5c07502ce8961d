# for with else, break, continue, nested loops.
for x in range(3):
    print("x", x)
else:
    print("else after full loop")
for x in []:
    print("never")
else:
    print("else of empty loop")
def find(needle, hay):
    for i, h in enumerate(hay):
        if h == needle:
            print("found at", i)
            break
    else:
        print("not found")
find(3, [1, 2, 3, 4])
find(9, [1, 2])
for i in range(3):
    for j in range(3):
        if j == 2:
            break
        if (i + j) % 2:
            continue
        print(i, j)
primes = []
for n in range(2, 30):
    for p in primes:
        if n % p == 0:
            break
    else:
        primes.append(n)
print(primes)
