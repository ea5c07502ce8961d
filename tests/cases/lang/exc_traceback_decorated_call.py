# Uncaught error through a decorator wrapper: wrapper frames appear in the traceback.
import functools
def logged(f):
    @functools.wraps(f)
    def wrapper(*args, **kwargs):
        print("calling", f.__name__, args)
        return f(*args, **kwargs)
    return wrapper
@logged
def parse_port(s):
    port = int(s)
    if not 0 < port < 65536:
        raise ValueError(f"port out of range: {port}")
    return port
print(parse_port("8080"))
parse_port("70000")
