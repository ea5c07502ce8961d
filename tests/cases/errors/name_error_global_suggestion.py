default_timeout = 5

def run():
    return default_timout * 2

run()
