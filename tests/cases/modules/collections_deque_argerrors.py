# Argument-count errors of deque's methods name the method by its qualified name (deque.count).
from _collections import deque


def show(label, f):
    try:
        print(label, f())
    except Exception as e:
        print(label, "!!", type(e).__name__, e)


d = deque([1, 2])
show("count none", lambda: d.count())
show("pop arg", lambda: d.pop(1))
show("append none", lambda: d.append())
show("index none", lambda: d.index())
show("insert one", lambda: d.insert(1))
print(deque.__hash__)
