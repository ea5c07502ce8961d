# str.lower on assorted values and arguments; each line: value, arguments, result or exception
SAMPLES = ['', 'a', 'Hello World', '  padded  ', 'ÀéÎ', 'mixed Case 123', 'a,b,,c', 'tab\there\tx', 'line1\nline2\r\nline3\r', 'ß', 'ǅx', 'xxx', '12', '-3.5', '٣', 'Title Case Words', 'UPPER', 'lower', 'snake_case_id', '\xa0nbsp', 'aXbXc', '😀 emoji']
ARGS = [()]
for s in SAMPLES:
    for a in ARGS:
        try:
            r = repr(s.lower(*a))
        except Exception as e:
            r = type(e).__name__ + ': ' + str(e)
        print(repr(s), a, r)
