class Temperature:
    def __init__(self):
        self._c = 0

    @property
    def celsius(self):
        return self._c

    @celsius.setter
    def celsius(self, value):
        if value < -273.15:
            raise ValueError(f"temperature {value} below absolute zero")
        self._c = value

t = Temperature()
t.celsius = 20
print(t.celsius)
t.celsius = -300
