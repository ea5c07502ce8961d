# Order of try/except/else/finally across all outcomes.
def run(mode):
    trace = []
    try:
        trace.append("try")
        if mode == "raise":
            raise ValueError
        if mode == "return":
            return trace + ["ret-try"]
    except ValueError:
        trace.append("except")
    else:
        trace.append("else")
        if mode == "else-raise":
            raise KeyError("from else")
    finally:
        trace.append("finally")
        print(mode, trace)
    trace.append("after")
    return trace
for m in ["ok", "raise", "return"]:
    print(run(m))
try:
    run("else-raise")
except KeyError as e:
    print("else raise escaped", e)
