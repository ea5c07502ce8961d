# Tracebacks through exec'd code show <string> frames.
src = """
def inner():
    return 1 / 0
inner()
"""
exec(src)
