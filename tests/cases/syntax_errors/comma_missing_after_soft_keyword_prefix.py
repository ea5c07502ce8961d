f(cas b, x y)
