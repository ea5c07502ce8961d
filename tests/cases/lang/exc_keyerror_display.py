# KeyError shows repr of the key; tuple keys and empty strings included.
for key in ["s", "", 1, (1, 2), None, ("only",)]:
    try:
        {}[key]
    except KeyError as e:
        print("str:", str(e), "| args:", e.args)
{}[(1, 2)]
