# __init_subclass__ in a diamond cooperates via super(); implicit classmethod.
class Root:
    def __init_subclass__(cls, **kw):
        print("Root sees", cls.__name__, kw)
        super().__init_subclass__()
class Left(Root):
    def __init_subclass__(cls, left=None, **kw):
        print("Left sees", cls.__name__, left)
        super().__init_subclass__(**kw)
class Right(Root):
    def __init_subclass__(cls, right=None, **kw):
        print("Right sees", cls.__name__, right)
        super().__init_subclass__(**kw)
class Diamond(Left, Right, left=1, right=2, extra=3):
    pass
