class Custom(BaseException):
    pass

raise Custom("base exception subclass")
