print("running broken.raises")
def fail():
    return 1 / 0
fail()
