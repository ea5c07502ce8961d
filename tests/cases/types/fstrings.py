x, y, name = 10, 3.14159, "world"
print(f"{x}", f"{x!r}", f"{name!r}", f"{name!a}", f"{name!s:>8}", f"{x:#06x}", f"{y:.2f}", f"{y:10.3e}")
print(f"{x + 1}", f"{x * 2 = }", f"{name.upper()=}", f"{ x = }", f"{y=:.1f}", f"{name=!s}")
print(f"{'nested'}", f"{'a' 'b'}", f"{[1, 2][0]}", f"{ {'k': 1}['k'] }", f"{(lambda: 'lam')()}")
w = 12
print(f"{name:>{w}}|", f"{name:^{w}.{2}}|", f"{x:{'+' if x > 0 else ''}d}", f"{3.5:{'.3f'}}")
print(f"{{literal}}", f"{{{x}}}", f"a{x}b{y:.1f}c{name}d", f"{x}{x}{x}")
print(f"{x if x > 5 else 0}", f"{'yes' if x else 'no'}", f"{[i for i in range(3)]}", f"{dict(a=1)}")
print(f"""{x}
multi {name}""", f"{x:,}", f"{1234567:_}", f"{0.25:%}", f"{-5:05}", f"{'s':*<4}")
import datetime
d = datetime.date(2024, 3, 5)
print(f"{d}", f"{d:%Y-%m-%d}", f"{d!r}", f"{d:%d/%m}")
class C:
    def __format__(self, spec):
        return f"<{spec}>"
print(f"{C()}", f"{C():spec}", f"{C()!s:>30}"[-10:] != "", f"{C():{x}}")
print(f"{chr(10)!r}", f"{'é'!a}", f"{b'x'}", f"{None}", f"{...}")
