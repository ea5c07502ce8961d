# Every augmented assignment operator on ints, plus in-place list/set ops.
x = 100
x += 5; print(x)
x -= 3; print(x)
x *= 2; print(x)
x //= 7; print(x)
x %= 10; print(x)
x **= 3; print(x)
x <<= 2; print(x)
x >>= 1; print(x)
x &= 0xF0; print(x)
x |= 0x0F; print(x)
x ^= 0xFF; print(x)
y = 7
y /= 2; print(y)
l = [1]
l2 = l
l += [2, 3]
print(l, l is l2)
t = (1,)
t2 = t
t += (2,)
print(t, t is t2)
s = {1, 2}
s |= {3}; s &= {2, 3}; s -= {2}; s ^= {4}
print(sorted(s))
st = "ab"; st *= 3; print(st)
