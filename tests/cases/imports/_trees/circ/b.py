print("start circ.b")
import circ.a
B = "b"
def get_a():
    return circ.a.A
print("end circ.b")
