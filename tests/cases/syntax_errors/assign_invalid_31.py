a = b = f() = c
