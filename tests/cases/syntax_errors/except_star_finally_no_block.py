try:
    pass
except* ValueError:
    pass
finally:
pass
