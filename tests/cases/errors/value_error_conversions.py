def attempt(fn):
    try:
        r = fn()
        print("ok", repr(r))
    except Exception as e:
        print(type(e).__name__ + ":", e)
for s in ["", " ", "1 2", "0b", "0b12", "0o8", "0xg", "1__0", "_1", "1_", "١٢x", "+", "-", "++1", "1e3", "0x_1f", "0_7", "07", "00", "0_0"]:
    attempt(lambda s=s: int(s, 0))
for s in ["1.2.3", "1e", "e1", ".", "-.e1", "inf inity", "nan(1)", "0x1p3", "1_000.0_1", "1._5", "١.٥", "١٫٥"]:
    attempt(lambda s=s: float(s))
for s in ["1+2", "1+2i", "(1+2j", "1+2j)", "j1", "1jj", "--1j", "1e+j", "nanj", "infj", " 1j ", "(1)"]:
    attempt(lambda s=s: complex(s))
attempt(lambda: int("9" * 5000))
attempt(lambda: int("1" * 4300))
attempt(lambda: float("9" * 5000))
attempt(lambda: int(b"\xff"))
attempt(lambda: int(bytearray(b"12_3")))
attempt(lambda: int(memoryview(b"42")))
