x = """abc


more
