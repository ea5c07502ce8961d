# Uncaught error inside nested comprehensions shows each comprehension frame.
matrix = [[1, 2], [3, 0]]
inverted = [[1 / x for x in row] for row in matrix]
