# N-queens by generating permutations with generators and sets.


def permutations(items):
    if len(items) <= 1:
        yield list(items)
        return
    for i in range(len(items)):
        rest = items[:i] + items[i + 1:]
        for perm in permutations(rest):
            yield [items[i]] + perm


def n_queens(n):
    columns = list(range(n))
    for vec in permutations(columns):
        if n == len({vec[i] + i for i in columns}) == len({vec[i] - i for i in columns}):
            yield vec


for _ in range(4):
    solutions = list(n_queens(8))
print(len(solutions))
print(solutions[0], solutions[-1])
