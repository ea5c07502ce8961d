# contextlib.ExitStack and contextmanager composition with exceptions.
from contextlib import contextmanager, ExitStack, suppress
@contextmanager
def resource(name, log):
    log.append(f"open {name}")
    try:
        yield name.upper()
    except KeyError as e:
        log.append(f"{name} handled {e}")
    finally:
        log.append(f"close {name}")
log = []
with ExitStack() as stack:
    names = [stack.enter_context(resource(n, log)) for n in "abc"]
    stack.callback(log.append, "callback")
    log.append(f"using {names}")
print(log)
log.clear()
with resource("x", log):
    raise KeyError("k")
print(log)
with suppress(ZeroDivisionError, KeyError):
    1 / 0
print("suppressed")
log.clear()
try:
    with resource("y", log):
        raise ValueError("not handled")
except ValueError as e:
    log.append(f"outer {e}")
print(log)
