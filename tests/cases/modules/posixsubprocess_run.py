# subprocess on _posixsubprocess.fork_exec: pipes, input, env/cwd, exit codes, exec and cwd
# failures, timeouts, pass_fds, preexec_fn, and fork_exec's own argument checks.
import os
import subprocess
import sys

print(subprocess.run(["echo", "hello"], capture_output=True))
r = subprocess.run(["sh", "-c", "echo out; echo err >&2; exit 3"], capture_output=True, text=True)
print(r.returncode, repr(r.stdout), repr(r.stderr))
print(subprocess.check_output(["cat"], input=b"piped data"))
print(subprocess.run(["sh", "-c", "cat; echo done >&2"], input="text in", capture_output=True, text=True))
try:
    subprocess.run(["/nonexistent/prog"])
except FileNotFoundError as e:
    print("FileNotFoundError", e.errno, e.filename, e.strerror)
try:
    subprocess.run(["ls"], cwd="/nonexistent-dir")
except FileNotFoundError as e:
    print("cwd FileNotFoundError", e.errno, e.filename)
try:
    subprocess.run(["/etc/passwd"])
except PermissionError as e:
    print("PermissionError", e.errno, e.filename)
try:
    subprocess.check_call(["false"])
except subprocess.CalledProcessError as e:
    print("CalledProcessError", e.returncode, e)
p = subprocess.Popen(["sh", "-c", "echo $FOO; pwd"], stdout=subprocess.PIPE, env={"FOO": "bar"}, cwd="/tmp")
print(p.communicate(), p.returncode)
try:
    subprocess.run(["sleep", "5"], timeout=0.2)
except subprocess.TimeoutExpired as e:
    print("TimeoutExpired", e.cmd)
print(subprocess.run("echo shell $((1+2))", shell=True, stdout=subprocess.PIPE).stdout)
p = subprocess.Popen(["sh", "-c", "kill -TERM $$"])
print("killed by", p.wait())
print(subprocess.run(["sh", "-c", "exit 7"]).returncode)

sys.stdout.flush()
print(subprocess.run(["true"], preexec_fn=lambda: os.environ.update(X="1")).returncode)


def bad():
    raise ValueError("x")


try:
    subprocess.run(["true"], preexec_fn=bad)
except subprocess.SubprocessError as e:
    print("SubprocessError", e)
r, w = os.pipe()
subprocess.run(["sh", "-c", f"echo via fd >&{w}"], pass_fds=(w,))
os.close(w)
print(os.read(r, 100))
os.close(r)
r, w = os.pipe()
# Without pass_fds the child does not inherit it (close_fds).
print(subprocess.run(["sh", "-c", f"(echo leaked >&{w}) 2>/dev/null || echo not inherited"], stdout=subprocess.PIPE).stdout)
os.close(w)
os.close(r)
print(subprocess.run(["sh", "-c", 'printf "%s|" "$@"', "sh", "a", "é", "b c"], capture_output=True).stdout)
print(subprocess.getoutput("echo getoutput; exit 2"), subprocess.getstatusoutput("exit 4"))

import _posixsubprocess
rest = (None, None, -1, -1, -1, -1, -1, -1, 3, 4, False, False, -1, None, None, None, -1, None, False)
for label, args in [
    ("count", (1,)),
    ("errpipe", (["x"], [b"x"], True, (), None, None, -1, -1, -1, -1, -1, -1, 3, 1, False, False, -1, None, None, None, -1, None, False)),
    ("fds order", (["x"], [b"x"], True, (5, 4)) + rest),
    ("fds negative", (["x"], [b"x"], True, (-1,)) + rest),
    ("fds list", (["x"], [b"x"], True, [5]) + rest),
    ("exe str", (["x"], ["x"], True, ()) + rest),
    ("arg int", ([1], [b"x"], True, ()) + rest),
    ("arg nul", (["a\0b"], [b"x"], True, ()) + rest),
]:
    try:
        _posixsubprocess.fork_exec(*args)
    except (TypeError, ValueError) as e:
        print(label, type(e).__name__, e)
