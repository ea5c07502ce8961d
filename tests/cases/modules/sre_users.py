import re, textwrap, fnmatch, tokenize, io, shlex, copy, pickle, glob
print(textwrap.fill("The quick brown fox jumps over the lazy dog " * 3, width=30))
print(textwrap.dedent("    a\n      b\n"))

print(fnmatch.fnmatch("foo.py", "*.py"), fnmatch.filter(["a.c", "b.h", "c.c"], "*.c"))

toks = list(tokenize.generate_tokens(io.StringIO("x = 1 + foo(2, 'a')\n").readline))
print([tokenize.tok_name[t.type] + ":" + t.string for t in toks])
print(shlex.split("a 'b c' \"d e\" f\\ g"))
p = re.compile(r"(?P<n>\d+)")
print(copy.copy(p) is p, copy.deepcopy(p) is p)
m = p.search("ab12")
print(copy.copy(m) is m, m.expand(r"<\g<n>>"))
print(re.Pattern, re.Match, type(p.scanner("")).__name__, re.Pattern[str], re.Match[bytes])

import weakref
try:
    r = weakref.ref(p)
    print(r() is p)
except TypeError as e:
    print("TypeError", e)
print(re.compile(r"\d+").groupindex, dict(p.groupindex))
try:
    p.groupindex["x"] = 1
except TypeError as e:
    print("TypeError", e)
print(re.sub(r"(?P<a>.)", lambda m: m.group("a") * 2, "xyz"), re.subn("", "-", ""))

print(re.purge(), re.compile("a", re.DEBUG) is not None)
