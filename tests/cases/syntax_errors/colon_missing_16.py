x = lambda a a
