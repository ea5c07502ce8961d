result = 3 * 4 + 2
