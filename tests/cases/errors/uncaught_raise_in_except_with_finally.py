def op():
    try:
        raise KeyError("a")
    except KeyError:
        raise ValueError("b")
    finally:
        print("cleanup")

op()
