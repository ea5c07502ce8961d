# f-string syntax errors in 3.11 (before PEP 701).
for src in ['f"{}"', 'f"{ }"', 'f"{x!z}"', "f'{a['b']}'", 'f"{x:{y:{z}}}"', 'f"{"', 'f"}"',
            'f"{\\n}"', 'f"{x!}"', 'f"{lambda x: 1}"', 'f"{yield}"']:
    try:
        compile(src, "<fs>", "exec")
        print("compiled:", src)
    except SyntaxError as e:
        print(src, "->", e.msg)
