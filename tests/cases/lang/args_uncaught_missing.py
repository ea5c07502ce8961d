# Uncaught TypeError for a missing keyword-only argument.
def connect(host, port=80, *, timeout, retries=3):
    return f"{host}:{port} t={timeout} r={retries}"
print(connect("a", timeout=1))
print(connect("b", 8080, timeout=2, retries=0))
print(connect("c", 1))
