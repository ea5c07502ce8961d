class Widget:
    def __init__(self, size):
        if size < 0:
            raise ValueError(f"size must be >= 0, not {size}")
        self.size = size

Widget(1)
Widget(-3)
