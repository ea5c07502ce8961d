match x:
    case a.b():
        pass
    case {**rest, 'a': 1}:
        pass
