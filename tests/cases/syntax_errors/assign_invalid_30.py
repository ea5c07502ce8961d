*a, f() = b
