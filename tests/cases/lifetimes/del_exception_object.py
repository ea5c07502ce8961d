# An exception instance dies when its except block ends (unless saved).
class Err(Exception):
    def __init__(self, tag):
        super().__init__(tag)
        self.tag = tag
    def __del__(self): print("del exception", self.tag)
for i in range(2):
    try:
        raise Err(i)
    except Err:
        print("caught", i)
    print("after block", i)
def swallow():
    try:
        raise Err("in function")
    except Err as e:
        return str(e)
print(swallow())
print("end")
