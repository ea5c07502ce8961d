class Problem(Exception):
    def __init__(self):
        super().__init__("constructed without args")

raise Problem
