# Names bound by a failed case may remain bound; guards see bindings.
x = y = "unset"
match (1, 2):
    case (x, 3):
        print("not this")
    case (y, 2) if y > 5:
        print("guard false")
    case _:
        print("fallback")
print(x, y)
match {"a": 1}:
    case {"a": a_val, "b": b_val}:
        pass
    case {"a": a_val}:
        print("a_val", a_val)
match [1, [2, 3]]:
    case [p, [q, r]] if p + q + r == 6:
        print("sum six", p, q, r)
