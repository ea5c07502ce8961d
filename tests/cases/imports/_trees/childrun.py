"""Runs the interpreter itself in a child process (os.fork + os.execve, without subprocess, so
that it needs only the posix module) and returns (exit code, stdout text, stderr text)."""
import os
import sys


def run(args, env=None, cwd=None, executable=None):
    exe = executable or interpreter()
    out_r, out_w = os.pipe()
    err_r, err_w = os.pipe()
    pid = os.fork()
    if pid == 0:
        try:
            if cwd:
                os.chdir(cwd)
            os.dup2(out_w, 1)
            os.dup2(err_w, 2)
            for fd in (out_r, out_w, err_r, err_w):
                os.close(fd)
            os.execve(exe, [exe] + list(args), env if env is not None else dict(os.environ))
        finally:
            os._exit(127)
    os.close(out_w)
    os.close(err_w)
    out = _read_all(out_r)
    err = _read_all(err_r)
    _, status = os.waitpid(pid, 0)
    return os.waitstatus_to_exitcode(status), out.decode("utf-8", "replace"), err.decode("utf-8", "replace")


def interpreter():
    """The running interpreter's executable: sys.executable is empty when the tests start it as
    `python` with no such program on PATH."""
    return sys.executable or os.readlink("/proc/self/exe")


def _read_all(fd):
    chunks = []
    while True:
        chunk = os.read(fd, 65536)
        if not chunk:
            break
        chunks.append(chunk)
    os.close(fd)
    return b"".join(chunks)


def clean_env(**changes):
    """The environment without the variables that steer the .pyc cache, plus `changes`."""
    env = {k: v for k, v in os.environ.items()
           if k not in ("PYTHONDONTWRITEBYTECODE", "PYTHONPYCACHEPREFIX")}
    env.update(changes)
    return env
