# Functions return None by default; return with tuples; early return.
def none(): pass
def bare(): return
def tup(): return 1, 2
def early(x):
    if x:
        return "early"
    print("fell through")
    return "late"
print(none(), bare(), tup(), early(1), early(0))
def multi():
    for i in range(10):
        if i == 3:
            return i
print(multi())
print(type(none).__name__, none.__name__, tup.__qualname__)
