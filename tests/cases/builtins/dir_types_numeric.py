for T in [int, bool, float, complex]:
    print(T.__name__, sorted(dir(T)))
