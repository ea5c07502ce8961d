# A class body is ordinary code: loops, conditionals, and comprehensions run at definition.
print("before class")
class Table:
    print("class body running")
    squares = {}
    for i in range(4):
        squares[i] = i * i
    del i
    if len(squares) > 3:
        big = True
    else:
        big = False
    def method(self): return "m"
    print("names so far:", sorted(k for k in locals() if not k.startswith("__")))
print(Table.squares, Table.big, hasattr(Table, "i"))
try:
    compile("class C:\n    return 1", "<c>", "exec")
except SyntaxError as e:
    print("SyntaxError:", e.msg)
try:
    compile("class C:\n    yield 1", "<c>", "exec")
except SyntaxError as e:
    print("SyntaxError:", e.msg)
