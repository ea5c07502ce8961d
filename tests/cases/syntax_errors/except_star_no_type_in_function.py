def f():
    try:
        pass
    except*:
        pass
