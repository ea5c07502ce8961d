# Non-ASCII identifiers are allowed and NFKC-normalized.
café = "coffee"
print(café)
ﬁle = "ligature fi"
print(file)
Ω = 3
print(Ω * 2, "Ω" in globals())
def grüße(name): return f"Grüße, {name}"
print(grüße("Welt"), grüße.__name__)
class Ünïcode:
    ñ = 1
print(Ünïcode.ñ, Ünïcode.__name__)
𝔵 = "math fraktur x"
print(x)
