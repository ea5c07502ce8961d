# Exception attributes: args, str/repr forms, __notes__, with_traceback, StopIteration.value.
e = ValueError()
print(repr(e), str(e), e.args)
e = ValueError("one")
print(repr(e), str(e), e.args)
e = ValueError("a", 2)
print(repr(e), str(e), e.args)
print(str(KeyError("k")), str(KeyError()), str(KeyError("a", "b")))
print(StopIteration(5).value, StopIteration().value)
e = Exception("base")
e.add_note("a note")
e.add_note("another")
print(e.__notes__)
try:
    e.add_note(5)
except TypeError as t:
    print("TypeError:", t)
print(SystemExit(3).code, SystemExit().code)
print(repr(UnicodeDecodeError("utf-8", b"\xff", 0, 1, "bad")))
err = NameError("x", name="nm")
print(err.name)
e2 = RuntimeError("with notes")
e2.add_note("note line 1\nnote line 2")
raise e2
