# Or-patterns, as-patterns, guards, and binding rules.
def classify(cmd):
    match cmd.split():
        case ["go", ("north" | "south" | "east" | "west") as direction]:
            return "going " + direction
        case ["pick", "up", item] | ["take", item]:
            return "taking " + item
        case [("quit" | "exit")]:
            return "bye"
        case [verb, *args] if len(args) > 2:
            return f"{verb} with too many args"
        case [verb, *_] as whole if verb.isupper():
            return "shouting " + repr(whole)
        case _:
            return "unknown"
for c in ["go north", "go up", "pick up lamp", "take key", "quit", "exit", "say a b c", "HEY you", "x"]:
    print(repr(c), "->", classify(c))
for src in ["match x:\n case [a] | [b]: pass\n", "match x:\n case a | 1: pass\n",
            "match x:\n case [a, a]: pass\n", "match x:\n case _ | 1: pass\n", "match x:\n case 1 | 2: pass\n"]:
    try:
        compile(src, "<s>", "exec")
        print("compiled")
    except SyntaxError as e:
        print("SyntaxError:", e.msg)
