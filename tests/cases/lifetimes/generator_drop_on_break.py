# Breaking out of a for loop over a generator closes it as soon as the loop drops it.
def numbers(tag):
    try:
        for i in range(10):
            yield i
    finally:
        print("finally", tag)
for n in numbers("loop"):
    if n == 2:
        break
print("after loop")
first = next(numbers("temporary"))
print("first", first)
g = numbers("kept")
next(g)
print("still suspended")
g = None
print("end")
