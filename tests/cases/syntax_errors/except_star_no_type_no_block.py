try:
    pass
except*:
pass
