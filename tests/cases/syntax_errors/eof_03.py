def f():
    return (
