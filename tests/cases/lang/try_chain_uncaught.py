# Uncaught chained exceptions: implicit context and explicit cause.
class ConfigError(Exception):
    pass
def load(text):
    try:
        return int(text)
    except ValueError as e:
        raise ConfigError(f"bad value {text!r}") from e
def setup():
    try:
        load("x1")
    except ConfigError:
        {}["fallback"]
setup()
