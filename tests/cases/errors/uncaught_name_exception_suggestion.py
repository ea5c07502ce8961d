try:
    int("x")
except ValuError:
    pass
