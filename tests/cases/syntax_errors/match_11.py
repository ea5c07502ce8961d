match x:
    case f(**k):
        pass
