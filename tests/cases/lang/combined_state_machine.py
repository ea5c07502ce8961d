# Combined: match + generators + enum-like classes in a tokenizer/state machine.
class Tok:
    NUM, OP, LP, RP = "NUM", "OP", "LP", "RP"
def tokenize(s):
    i = 0
    while i < len(s):
        c = s[i]
        match c:
            case " ":
                i += 1
            case "(":
                yield Tok.LP, c; i += 1
            case ")":
                yield Tok.RP, c; i += 1
            case "+" | "-" | "*" | "/":
                yield Tok.OP, c; i += 1
            case _ if c.isdigit():
                j = i
                while j < len(s) and s[j].isdigit():
                    j += 1
                yield Tok.NUM, int(s[i:j]); i = j
            case _:
                raise SyntaxError(f"bad char {c!r} at {i}")
def parse(tokens):
    toks = list(tokens)
    pos = 0
    def peek():
        return toks[pos] if pos < len(toks) else (None, None)
    def expr():
        nonlocal pos
        v = term()
        while peek()[1] in ("+", "-"):
            op = toks[pos][1]; pos += 1
            v = v + term() if op == "+" else v - term()
        return v
    def term():
        nonlocal pos
        v = atom()
        while peek()[1] in ("*", "/"):
            op = toks[pos][1]; pos += 1
            v = v * atom() if op == "*" else v // atom()
        return v
    def atom():
        nonlocal pos
        kind, val = peek()
        pos += 1
        if kind == Tok.NUM:
            return val
        if kind == Tok.LP:
            v = expr(); pos += 1
            return v
        raise SyntaxError(f"unexpected {val!r}")
    return expr()
for src in ["1 + 2 * 3", "(1 + 2) * 3", "100 / 7 - 2", "2 * (3 + 4) * 5"]:
    print(src, "=", parse(tokenize(src)))
try:
    parse(tokenize("1 + x"))
except SyntaxError as e:
    print("SyntaxError:", e)
