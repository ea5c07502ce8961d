from a.b as import c
