del a, b, 'c'
