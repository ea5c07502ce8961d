def run():
    return xyzzy_plugh + 1

run()
