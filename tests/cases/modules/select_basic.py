# select: select(), poll and epoll over pipes, and CPython's argument errors.
import os
import select
import selectors


def attempt(label, fn, *args, **kwargs):
    try:
        print(label, repr(fn(*args, **kwargs)))
    except Exception as e:
        print(label, type(e).__name__, e)


r, w = os.pipe()


class F:
    def __init__(self, fd):
        self.fd = fd

    def fileno(self):
        return self.fd


print(select.select([r], [w], [], 0) == ([], [w], []))
os.write(w, b"x")
print(select.select([r], [w], [r], 0.0) == ([r], [w], []))
f = F(r)
print(select.select([f], [], [], None)[0][0] is f)
print(select.select((r,), iter([w]), set(), 0) == ([r], [w], []))
attempt("negative fd", select.select, [-1], [], [])
attempt("str fd", select.select, ["x"], [], [])
attempt("not iterable", select.select, 3, [], [])
attempt("timeout str", select.select, [], [], [], "x")
attempt("timeout negative", select.select, [], [], [], -1)
attempt("timeout nan", select.select, [], [], [], float("nan"))
attempt("timeout huge", select.select, [], [], [], 1e300)
attempt("fileno non-int", select.select, [F("x")], [], [], 0)
attempt("fd too big", select.select, [100000], [], [], 0)
attempt("fd huge", select.select, [1 << 40], [], [], 0)
attempt("two args", select.select, [], [])
attempt("keyword", select.select, [], [], [], timeout=0)

p = select.poll()
print(type(p).__name__, p.register(r), p.register(w, select.POLLOUT))
print(sorted(p.poll(0)) == sorted([(r, select.POLLIN), (w, select.POLLOUT)]))
p.modify(w, select.POLLIN)
print(p.poll(0) == [(r, select.POLLIN)], p.poll(1.5) == [(r, select.POLLIN)], p.poll(None) == [(r, select.POLLIN)])
attempt("modify missing", p.modify, 999, 1)
attempt("unregister missing", p.unregister, 999)
attempt("register keyword", p.register, fd=0)
attempt("mask str", p.register, 0, "x")
attempt("mask negative", p.register, r, -1)
attempt("mask big", p.register, r, 1 << 20)
attempt("poll str", p.poll, "x")
attempt("poll huge", p.poll, 1 << 40)
attempt("poll keyword", p.poll, timeout=0)
attempt("poll()", type(p))

e = select.epoll()
print(type(e).__name__, e.closed, e.fileno() > 2)
e.register(r, select.EPOLLIN)
e.register(fd=w, eventmask=select.EPOLLOUT)
print(sorted(e.poll(0)) == sorted([(r, select.EPOLLIN), (w, select.EPOLLOUT)]))
print(len(e.poll(timeout=0, maxevents=1)))
e.modify(w, 0)
print(e.poll(0.01) == [(r, select.EPOLLIN)])
e.unregister(w)
attempt("register twice", e.register, r)
attempt("unregister missing", e.unregister, w)
attempt("maxevents 0", e.poll, 0, 0)
attempt("poll str", e.poll, "x")
attempt("too many", e.poll, 1, 2, 3)
e.close()
print(e.closed, e.close())
attempt("closed poll", e.poll)
attempt("closed fileno", e.fileno)
with select.epoll() as e2:
    print(e2.closed)
print(e2.closed)
attempt("bad flags", select.epoll, 1, 2)
attempt("sizehint 0", select.epoll, 0)
e3 = select.epoll.fromfd(os.dup(e2.fileno()) if not e2.closed else os.open("/dev/null", os.O_RDONLY))
print(type(e3).__name__, e3.closed)
e3.close()
print(select.error is OSError, select.PIPE_BUF)
print(sorted(n for n in dir(select) if not n.startswith("_")))

# selectors' default selector runs on epoll.
sel = selectors.DefaultSelector()
print(type(sel).__name__)
sel.register(r, selectors.EVENT_READ, "data")
events = sel.select(0)
print([(key.fd == r, key.data, mask) for key, mask in events])
sel.close()
os.close(r)
os.close(w)
