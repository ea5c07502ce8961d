# f-strings with complex expressions: calls, subscripts, conditionals, lambdas, dicts.
data = {"name": "Ann", "scores": [90, 85, 77]}
print(f"{data['name']:>6}|{max(data['scores'])}|{sum(data['scores']) / len(data['scores']):.2f}")
print(f"{'pass' if min(data['scores']) > 70 else 'fail'}")
print(f"{(lambda x: x * 2)(21)}")
print(f"{ {'a': 1}['a'] }")
print(f"{[i ** 2 for i in range(4)]}")
print(f"{','.join(f'{s:03d}' for s in data['scores'])}")
print(f"{3 if True else 4:>{1 + 2}}")
print(f"{'a' 'b'}", f"{len('x'*5)}", f'{"quotes"!r}')
print(f"{data!r:.20}")
w = 7
print(f"{'|':-^{w}}{w:{'0'}>{w // 2}}")
print(f"""{
    data["name"]
}""")
