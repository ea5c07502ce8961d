first = input()
second = input("prompt> ")
print(repr(first), repr(second))
rest = []
while True:
    try:
        rest.append(input())
    except EOFError as e:
        print("EOF", repr(str(e)))
        break
print(rest)
import sys
print(repr(sys.stdin.read()))
