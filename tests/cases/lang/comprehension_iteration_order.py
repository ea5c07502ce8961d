# Evaluation order inside comprehensions with multiple for/if clauses.
log = []
def it(name, n):
    log.append(f"iter {name}")
    return range(n)
def cond(name, v):
    log.append(f"if {name}{v}")
    return v % 2 == 0
r = [(a, b) for a in it("A", 3) if cond("a", a) for b in it("B", 2) if cond("b", b)]
print(r)
print(log)
log.clear()
d = {log.append(f"k{k}") or k: log.append(f"v{k}") or k * k for k in range(2)}
print(d, log)
