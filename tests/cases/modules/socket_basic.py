# _socket under socket.py: socketpair, TCP and UDP over loopback, AF_UNIX, timeouts and
# non-blocking mode, makefile, getaddrinfo/getnameinfo, address helpers, errors.
import os
import socket
import tempfile


def attempt(label, fn, *args, **kwargs):
    try:
        print(label, repr(fn(*args, **kwargs)))
    except Exception as e:
        print(label, type(e).__name__, e)


a, b = socket.socketpair()
print(int(b.family) == socket.AF_UNIX, int(b.type) == socket.SOCK_STREAM, b.proto, a.gettimeout(), a.getblocking())
a.sendall(b"hello")
print(b.recv(10))
b.send(memoryview(b"xyz"))
buf = bytearray(5)
print(a.recv_into(buf), buf)
a.setblocking(False)
try:
    a.recv(10)
except BlockingIOError as e:
    print("BlockingIOError", e.errno)
a.settimeout(0.05)
try:
    a.recv(10)
except TimeoutError as e:
    print("timeout:", e, socket.timeout is TimeoutError)
print(a.gettimeout(), a.timeout, a.getblocking())
fd = a.fileno()
a.close()
b.close()
print(a.fileno(), fd > 2)

srv = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
srv.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
print(srv.getsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR) != 0)
srv.bind(("127.0.0.1", 0))
srv.listen()
port = srv.getsockname()[1]
c = socket.create_connection(("127.0.0.1", port))
conn, addr = srv.accept()
print(addr[0], type(conn).__name__, conn.getpeername() == c.getsockname())
c.sendall(b"ping")
print(conn.recv(4))
f = conn.makefile("rwb")
c.sendall(b"line1\nline2\n")
print(f.readline(), f.readline())
f.close()
conn.close()
c.close()
srv.close()
s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
print("refused:", s.connect_ex(("127.0.0.1", port)) != 0)
s.close()

u = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
u.bind(("127.0.0.1", 0))
v = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
v.sendto(b"dgram", u.getsockname())
data, src = u.recvfrom(100)
print(data, src[0])
u.close()
v.close()

with tempfile.TemporaryDirectory() as d:
    path = os.path.join(d, "sock")
    us = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    us.bind(path)
    us.listen()
    print(us.getsockname() == path)
    uc = socket.socket(socket.AF_UNIX)
    uc.connect(path)
    x, peer = us.accept()
    print(repr(peer), uc.getpeername() == path)
    uc.sendall(b"unix")
    print(x.recv(10))
    for s in (uc, x, us):
        s.close()

print(socket.getaddrinfo("127.0.0.1", 80, socket.AF_INET, socket.SOCK_STREAM))
print(socket.getaddrinfo("localhost", "http", socket.AF_INET, socket.SOCK_STREAM)[0][4])
print(socket.getnameinfo(("127.0.0.1", 80), socket.NI_NUMERICHOST | socket.NI_NUMERICSERV))
print(socket.htons(1), socket.ntohl(1), socket.inet_aton("1.2.3.4"), socket.inet_ntoa(b"\x01\x02\x03\x04"))
print(socket.inet_pton(socket.AF_INET6, "::1"), socket.inet_ntop(socket.AF_INET6, b"\0" * 15 + b"\1"))
print(socket.getdefaulttimeout(), socket.gethostbyname("127.0.0.1"), type(socket.gethostname()).__name__)
print(repr(socket.AF_INET), repr(socket.SOCK_DGRAM), socket.gaierror.__mro__[1], socket.herror.__module__)
print(issubclass(socket.socket, socket.SocketType), socket.has_ipv6, socket.error is OSError)

s = socket.socket()
attempt("bind str", s.bind, "x")
attempt("bind port", s.bind, ("127.0.0.1", 70000))
attempt("bind triple", s.bind, ("127.0.0.1", 1, 2))
attempt("timeout negative", s.settimeout, -1)
attempt("timeout str", s.settimeout, "x")
attempt("send str", s.send, "x")
attempt("recv negative", s.recv, -1)
attempt("gaierror", socket.getaddrinfo, "1.2.3.4.5", 80, flags=socket.AI_NUMERICHOST)
attempt("htons big", socket.htons, 70000)
attempt("htons negative", socket.htons, -1)
attempt("htonl big", socket.htonl, 1 << 40)
attempt("inet_aton bad", socket.inet_aton, "x.y")
attempt("inet_pton bad", socket.inet_pton, socket.AF_INET, "x")
attempt("fileno negative", socket.socket, fileno=-5)
attempt("sendto args", s.sendto, b"x")
s.close()
attempt("closed send", s.send, b"x")
