# Uncaught TypeError from a class pattern with too many positionals.
class Event:
    __match_args__ = ("name",)
    def __init__(self, name, when):
        self.name, self.when = name, when
def route(e):
    match e:
        case Event("start"):
            return "starting"
        case Event("stop", 5):
            return "stopping"
print(route(Event("start", 1)))
print(route(Event("stop", 5)))
