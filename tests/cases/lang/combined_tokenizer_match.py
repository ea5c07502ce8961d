# A tiny tokenizer (generator) feeding a match-based evaluator.
def tokens(src):
    i = 0
    while i < len(src):
        ch = src[i]
        if ch.isspace():
            i += 1
        elif ch.isdigit():
            j = i
            while j < len(src) and src[j].isdigit():
                j += 1
            yield ("num", int(src[i:j]))
            i = j
        elif ch in "+-*/()":
            yield ("op", ch)
            i += 1
        else:
            raise SyntaxError(f"bad char {ch!r} at {i}")
def rpn(src):
    stack = []
    for tok in tokens(src):
        match tok:
            case ("num", n):
                stack.append(n)
            case ("op", "+" | "-" | "*" | "/" as op):
                b, a = stack.pop(), stack.pop()
                stack.append({"+": a + b, "-": a - b, "*": a * b, "/": a / b}[op])
    [result] = stack
    return result
for expr in ["3 4 +", "10 2 8 * + 3 -", "7 2 /", "1 +", "2 x"]:
    try:
        print(expr, "=", rpn(expr))
    except (IndexError, ValueError, SyntaxError) as e:
        print(expr, "->", type(e).__name__, e)
