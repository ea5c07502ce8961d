try:
    x
except E, e:
    pass
