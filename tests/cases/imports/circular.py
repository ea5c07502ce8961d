# Circular imports: one that works (names used only later), and one that fails with
# "partially initialized module".
import sys
sys.path.insert(0, __file__.rsplit("/", 1)[0] + "/_trees")
import circ.a
print(circ.a.A, circ.b.B, circ.b.get_a())
try:
    import circ.c
except ImportError as e:
    print(type(e).__name__ + ":", str(e).replace(__file__.rsplit("/", 1)[0], "HERE"))
print(sorted(k for k in sys.modules if k.startswith("circ")))
