class Weird(Exception):
    def __str__(self):
        raise ValueError("cannot format")

raise Weird("x")
