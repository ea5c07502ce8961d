def parse_all(lines):
    return list(map(int, lines))

parse_all(["1", "2", "three"])
