# Uncaught error raised by a property setter called via augmented assignment.
class Temperature:
    def __init__(self):
        self._c = 0
    @property
    def celsius(self):
        return self._c
    @celsius.setter
    def celsius(self, v):
        if v < -273.15:
            raise ValueError("below absolute zero")
        self._c = v
t = Temperature()
t.celsius += 25
print(t.celsius)
t.celsius -= 400
