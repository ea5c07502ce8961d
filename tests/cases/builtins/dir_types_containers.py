for T in [list, tuple, dict, set, frozenset, range, slice]:
    print(T.__name__, sorted(dir(T)))
