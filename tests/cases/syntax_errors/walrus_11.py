print(a, b := 2) = 3
