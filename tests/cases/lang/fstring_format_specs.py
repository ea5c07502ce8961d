# Format-spec mini-language through f-strings and format().
vals = [0, 7, -7, 1234567, 3.5, -0.25, 1e20, 1 / 3]
for v in vals:
    print(f"[{v:10}] [{v:<10}] [{v:^10}] [{v:*>10}] [{v:+}] [{v: }]")
for v in [3.14159, 2.5, 1234.5678, 0.000123]:
    print(f"{v:.3f} {v:.3e} {v:.3g} {v:%} {v:.1%} {v:10.2f}|")
for v in [255, -255, 0]:
    print(f"{v:b} {v:o} {v:x} {v:X} {v:#b} {v:#o} {v:#X} {v:c}" if v > 0 else f"{v:b} {v:o} {v:x}")
print(f"{1234567:,} {1234567:_} {0xDEADBEEF:_x} {1234.5:,.2f}")
print(f"{'text':>8}|{'text':.2}|{'text':^9}|{'x':=^5}")
print(f"{42:=+8}|{-42:=8}|{42:08}|{-3.5:010.2f}")
print(format(12, "n"), format(True, "d"), format(3, ".2f"))
for bad in ["{:d}".format, lambda v: format(v, "q")]:
    try:
        bad(1.5)
    except ValueError as e:
        print("ValueError:", e)
try:
    f"{'s':d}"
except ValueError as e:
    print("ValueError:", e)
