state = 7
def rnd(n):
    global state
    state = (state * 1103515245 + 12345) % 2 ** 31
    return state % n
alphabets = ["abcdefghijklmnopqrstuvwxyz", "ABC xyz 0123456789_-", "éüßñçÀ", "日本語中文한국어", "\U0001f600\U0001f680\U00010348", "\x00\x01\x7f\x80\xff"]
for i in range(300):
    a = alphabets[i % len(alphabets)]
    s = "".join(a[rnd(len(a))] for _ in range(rnd(40)))
    print(repr(s), hash(s))
for s in ["", "a", "ab", "abc", "abcd", "abcdefg", "abcdefgh", "abcdefghi", "x" * 100, "ÿ", "Ā", "\U00010000"]:
    print(repr(s), hash(s))
