print("start circ.a")
from circ import b
print("end circ.a", b.B)
A = "a"
