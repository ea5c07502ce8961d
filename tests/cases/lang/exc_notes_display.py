# __notes__ are printed after the message, also inside exception groups.
def fail(n):
    e = ValueError(f"failure {n}")
    e.add_note(f"note for {n}")
    return e
try:
    raise fail(1)
except ValueError as e:
    print(e.__notes__)
eg = ExceptionGroup("group", [fail(2), fail(3)])
eg.add_note("group note")
raise eg
