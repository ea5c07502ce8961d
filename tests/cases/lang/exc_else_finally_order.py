# Order of try body, except, else and finally in every path.
def run(fail):
    try:
        print("  body")
        if fail:
            raise RuntimeError("fail")
    except RuntimeError:
        print("  except")
    else:
        print("  else")
    finally:
        print("  finally")
    print("  after")
print("success:"); run(False)
print("failure:"); run(True)
def uncaught():
    try:
        raise KeyError("x")
    finally:
        print("  finally before propagation")
try:
    uncaught()
except KeyError:
    print("caught outside")
def else_raises():
    try:
        pass
    except Exception:
        print("not here")
    else:
        raise ValueError("from else")
    finally:
        print("  finally after else raised")
try:
    else_raises()
except ValueError as e:
    print("caught", e)
