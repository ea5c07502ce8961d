a = lambda: *b
