# Every binary operator over a grid of ints, floats and bools, including the small/big int
# boundary (2**47) and float special values; results and exceptions printed.
inf = float('inf')
nan = float('nan')
ints = [0, 1, -1, -3, 7, 2**47 - 1, 2**47, -2**47 - 1, 2**53 + 1, -2**63,
        10**20, 2**200 + 1, True]
floats = [0.0, -0.0, 1.5, -2.5, 1e300, 5e-324, inf, nan]
values = ints + floats

ops = [('+', lambda a, b: a + b), ('-', lambda a, b: a - b), ('*', lambda a, b: a * b), ('/', lambda a, b: a / b),
       ('//', lambda a, b: a // b), ('%', lambda a, b: a % b), ('divmod', divmod),
       ('<', lambda a, b: a < b), ('<=', lambda a, b: a <= b), ('==', lambda a, b: a == b), ('!=', lambda a, b: a != b),
       ('>', lambda a, b: a > b), ('>=', lambda a, b: a >= b)]
int_ops = [('<<', lambda a, b: a << b), ('>>', lambda a, b: a >> b), ('&', lambda a, b: a & b),
           ('|', lambda a, b: a | b), ('^', lambda a, b: a ^ b)]


def run(name, f, a, b):
    try:
        r = f(a, b)
    except Exception as e:
        r = type(e).__name__ + ': ' + str(e)
    print(repr(a), name, repr(b), '=', repr(r))


for a in values:
    for b in values:
        for name, f in ops:
            run(name, f, a, b)
for a in ints:
    for b in [0, 1, 3, 47, 48, 100, -1, True]:
        for name, f in int_ops:
            run(name, f, a, b)
for a in values:
    for b in [0, 1, 2, 3, -1, -2, 0.5, -0.5, 2.0, 1e10, inf, nan]:
        run('**', lambda a, b: a ** b, a, b)
for a in values:
    for name, f in [('neg', lambda a, b: a != bg), ('pos', lambda a: +a), ('abs', abs), ('hash', hash),
                    ('bool', bool), ('int', int), ('float', float), ('round', round),
                    ('str', str), ('invert', lambda a: ~a)]:
        if name == 'hash' and a != a:
            continue  # hash(nan) is the object's identity in 3.11
        try:
            r = f(a)
        except Exception as e:
            r = type(e).__name__ + ': ' + str(e)
        print(name, repr(a), '=', repr(r))
for a in ints:
    for m in [1, 2, 7, -7, 10**9 + 7, 2**64]:
        for e in [0, 1, 5, 100, -1]:
            try:
                r = pow(a, e, m)
            except Exception as ex:
                r = type(ex).__name__ + ': ' + str(ex)
            print('pow', a, e, m, '=', r)
# correctly rounded int / int and int -> float
for n, d in [(1, 3), (2**60 + 1, 3), (10**30, 7), (-(10**40), 3**50), (2**1100, 2**100),
             (1, 2**1080), (3, 2**1075), (1, 2**1075), (2**53 + 1, 1), (2**54 + 3, 2),
             (10**400, 10**399), (7**300, 5**300)]:
    print(n % 1000, d % 1000, n / d)
for n in [2**53 + 1, 2**54 + 2, 2**54 + 6, 2**1023 * 3 // 2, -(2**64 - 1), 2**1024 - 2**970,
          2**1024 - 2**971]:
    try:
        print(float(n))
    except OverflowError as e:
        print('OverflowError', e)
