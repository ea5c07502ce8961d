# Ordering comparisons between unrelated types raise TypeError.
def attempt(f):
    try:
        print(f())
    except TypeError as e:
        print("TypeError:", e)
attempt(lambda: 1 < "a")
attempt(lambda: [1] > (1,))
attempt(lambda: None <= None)
attempt(lambda: {} < {})
attempt(lambda: object() >= object())
attempt(lambda: 1 == "1")
attempt(lambda: 1 != None)
attempt(lambda: (1, "a") < (1, 2))
attempt(lambda: 1j < 2j)
print(sorted([3, 1, 2]))
sorted([1, "x"])
