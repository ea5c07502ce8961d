try:
    pass
except:
    pass
except* TypeError:
    pass
