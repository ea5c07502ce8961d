# Spectral norm of an infinite matrix: nested loops of float arithmetic and function calls.


def eval_a(i, j):
    return 1.0 / ((i + j) * (i + j + 1) // 2 + i + 1)


def multiply_av(n, v):
    return [sum(eval_a(i, j) * v[j] for j in range(n)) for i in range(n)]


def multiply_atv(n, v):
    return [sum(eval_a(j, i) * v[j] for j in range(n)) for i in range(n)]


def multiply_atav(n, v):
    return multiply_atv(n, multiply_av(n, v))


def main(n=300):
    u = [1.0] * n
    for _ in range(10):
        v = multiply_atav(n, u)
        u = multiply_atav(n, v)
    vbv = vv = 0.0
    for ue, ve in zip(u, v):
        vbv += ue * ve
        vv += ve * ve
    print("%0.9f" % ((vbv / vv) ** 0.5))


main()
