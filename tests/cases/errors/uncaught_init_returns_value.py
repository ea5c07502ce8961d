class Weird:
    def __init__(self):
        return "not None"

Weird()
