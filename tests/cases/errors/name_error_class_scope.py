class Demo:
    data = [1, 2, 3]
    doubled = [x * len(data) for x in range(2)]
