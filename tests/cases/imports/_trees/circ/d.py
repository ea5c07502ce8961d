from circ.c import C
D = "d"
