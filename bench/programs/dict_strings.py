# Dictionaries and strings: word counting, string building, formatting, dict comprehensions.


def make_text(n):
    words = ["alpha", "beta", "gamma", "delta", "epsilon", "zeta", "eta", "theta", "iota", "kappa"]
    parts = []
    for i in range(n):
        w = words[(i * 7 + i // 3) % len(words)]
        parts.append(w + str(i % 97))
    return " ".join(parts)


def word_counts(text):
    counts = {}
    for word in text.split():
        counts[word] = counts.get(word, 0) + 1
    return counts


def invert(counts):
    by_count = {}
    for word, c in counts.items():
        by_count.setdefault(c, []).append(word)
    return by_count


def report(counts):
    lines = []
    for word in sorted(counts):
        lines.append(f"{word:>10}: {counts[word]:5d}")
    return "\n".join(lines)


text = make_text(200000)
for _ in range(15):
    counts = word_counts(text)
    inverse = invert(counts)
    squares = {k: len(v) * len(v) for k, v in inverse.items()}
    out = report(counts)
print(len(counts), len(inverse), sum(squares.values()))
print(out[:200])
print(text.upper().count("ALPHA"), text.replace("a", "").find("zeta"))
