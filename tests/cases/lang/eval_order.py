# Evaluation order: left-to-right operands, arguments, dict displays, assignment RHS first.
def v(x):
    print("eval", x)
    return x
print("binop:", v(1) + v(2) * v(3))
print("call:", v(max)(v(1), v(2), key=v(None)))
print("dict:", {v("k1"): v("v1"), v("k2"): v("v2")})
print("subscript:", v([10, 20])[v(1)])
class O: pass
o = O()
print("assign:")
v(o).attr = v("value")
d = {}
v(d)[v("key")] = v("val")
print("tuple target:")
v(d)[v("a")], v(d)[v("b")] = v((1, 2))
print("chained:")
x = y = v(0)
print("slice:", v("abcdef")[v(1):v(4):v(2)])
print("fstring:", f"{v('a')}{v('b')}")
