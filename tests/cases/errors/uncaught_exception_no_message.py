class Empty(Exception):
    pass

def go():
    raise Empty

go()
