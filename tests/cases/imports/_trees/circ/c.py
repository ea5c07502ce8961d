from circ.d import D
C = "c"
