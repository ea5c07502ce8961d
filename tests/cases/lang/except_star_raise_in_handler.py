# Raising inside an except* handler builds a new group with context.
try:
    try:
        raise ExceptionGroup("eg", [ValueError("v"), TypeError("t")])
    except* ValueError:
        raise RuntimeError("converted")
    except* TypeError as eg:
        print("saw", repr(eg))
except ExceptionGroup as outer:
    print(repr(outer))
    print(type(outer.exceptions[0].__context__).__name__)
try:
    try:
        raise ExceptionGroup("eg", [ValueError("v")])
    except* ValueError:
        raise
except ExceptionGroup as e:
    print("bare raise keeps", repr(e))
for src in ["try:\n    pass\nexcept* (ValueError, ExceptionGroup):\n    pass\n",
            "for x in y:\n    try:\n        pass\n    except* E:\n        break\n",
            "try:\n    pass\nexcept*:\n    pass\n"]:
    try:
        exec(compile(src, "<s>", "exec"), {"y": []})
        print("ran")
    except (SyntaxError, TypeError) as e:
        print(type(e).__name__ + ":", e.msg if isinstance(e, SyntaxError) else e)
