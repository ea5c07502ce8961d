# Dict and set comprehensions, with conditions and nested loops; key collisions keep last value.
words = ["apple", "bob", "cat", "apple", "dog"]
print({w: len(w) for w in words})
print({len(w) for w in words})
print({k: v for k, v in zip("abc", range(3)) if v != 1})
print({(i, j): i * j for i in range(2) for j in range(2)})
print({x % 3: x for x in range(10)})
order = []
def k(x): order.append(("k", x)); return x
def v(x): order.append(("v", x)); return x * 10
print({k(i): v(i) for i in range(2)})
print(order)
try:
    {[1]: 2 for _ in range(1)}
except TypeError as e:
    print("TypeError:", e)
