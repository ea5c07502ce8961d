x = 1 is not not 2 or
