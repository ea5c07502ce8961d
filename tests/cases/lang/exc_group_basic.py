# ExceptionGroup construction, split, subgroup, derive, and nesting.
eg = ExceptionGroup("many", [ValueError(1), TypeError(2), ValueError(3)])
print(repr(eg), str(eg), len(eg.exceptions))
match, rest = eg.split(ValueError)
print(repr(match), repr(rest))
print(repr(eg.subgroup(TypeError)), eg.subgroup(KeyError))
nested = ExceptionGroup("outer", [ValueError("a"), ExceptionGroup("inner", [TypeError("b")])])
print(repr(nested.split(TypeError)[0]))
print(type(BaseExceptionGroup("b", [KeyboardInterrupt()])).__name__)
print(type(BaseExceptionGroup("b", [ValueError()])).__name__)
for bad in [lambda: ExceptionGroup("x", []), lambda: ExceptionGroup("x", [1]),
            lambda: ExceptionGroup("x", [KeyboardInterrupt()])]:
    try:
        bad()
    except (TypeError, ValueError) as e:
        print(type(e).__name__ + ":", e)
raise ExceptionGroup("top", [ValueError("v"), KeyError("k")])
