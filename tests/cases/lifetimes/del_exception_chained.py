# Exceptions from __del__ are reported without their chained exceptions (the unraisable hook's
# format), with carets; the program goes on.
class B:
    def __del__(self):
        try:
            1 / 0
        except Exception as e:
            raise KeyError("k") from e
class C:
    def __del__(self):
        x = [1][2]
B()
C()
print("end")
