// The `posix` module (what os.py imports on Linux): the functions of posix_*.cpp, the
// platform's constants, environ and _have_functions.
#include <dlfcn.h>
#include <fcntl.h>
#include <sched.h>
#include <sys/random.h>
#include <sys/resource.h>
#include <sys/statvfs.h>
#include <sys/wait.h>
#include <sysexits.h>
#include <unistd.h>

#include <climits>
#include <cstdio>

#include "modules/modules.h"
#include "modules/posix/posix_internal.h"
#include "runtime/errors.h"
#include "runtime/int.h"
#include "runtime/list.h"
#include "runtime/module.h"
#include "runtime/str.h"

namespace krait::modules {

using namespace runtime;

namespace {

struct IntConstant {
  const char* name;
  long value;
};

#define C(name) {#name, static_cast<long>(name)}
const IntConstant kConstants[] = {
    C(F_OK), C(R_OK), C(W_OK), C(X_OK),
    C(O_RDONLY), C(O_WRONLY), C(O_RDWR), C(O_ACCMODE), C(O_APPEND), C(O_ASYNC), C(O_CLOEXEC),
    C(O_CREAT), C(O_DIRECT), C(O_DIRECTORY), C(O_DSYNC), C(O_EXCL), C(O_FSYNC), C(O_LARGEFILE),
    C(O_NDELAY), C(O_NOATIME), C(O_NOCTTY), C(O_NOFOLLOW), C(O_NONBLOCK), C(O_PATH), C(O_RSYNC),
    C(O_SYNC), C(O_TMPFILE), C(O_TRUNC),
    C(SEEK_DATA), C(SEEK_HOLE),
    C(WNOHANG), C(WUNTRACED), C(WCONTINUED), C(WEXITED), C(WSTOPPED), C(WNOWAIT),
    C(P_ALL), C(P_PID), C(P_PGID), C(P_PIDFD),
    C(CLD_EXITED), C(CLD_KILLED), C(CLD_DUMPED), C(CLD_TRAPPED), C(CLD_STOPPED), C(CLD_CONTINUED),
    C(EX_OK), C(EX_USAGE), C(EX_DATAERR), C(EX_NOINPUT), C(EX_NOUSER), C(EX_NOHOST), C(EX_UNAVAILABLE),
    C(EX_SOFTWARE), C(EX_OSERR), C(EX_OSFILE), C(EX_CANTCREAT), C(EX_IOERR), C(EX_TEMPFAIL),
    C(EX_PROTOCOL), C(EX_NOPERM), C(EX_CONFIG),
    C(F_LOCK), C(F_TLOCK), C(F_ULOCK), C(F_TEST),
    C(PRIO_PROCESS), C(PRIO_PGRP), C(PRIO_USER),
    C(SCHED_OTHER), C(SCHED_FIFO), C(SCHED_RR), C(SCHED_BATCH), C(SCHED_IDLE), C(SCHED_RESET_ON_FORK),
    C(RTLD_LAZY), C(RTLD_NOW), C(RTLD_GLOBAL), C(RTLD_LOCAL), C(RTLD_NODELETE), C(RTLD_NOLOAD),
    C(RTLD_DEEPBIND),
    C(ST_RDONLY), C(ST_NOSUID), C(ST_NODEV), C(ST_NOEXEC), C(ST_SYNCHRONOUS), C(ST_MANDLOCK),
    C(ST_WRITE), C(ST_APPEND), C(ST_NOATIME), C(ST_NODIRATIME), C(ST_RELATIME),
    C(GRND_NONBLOCK), C(GRND_RANDOM),
    C(NGROUPS_MAX), C(TMP_MAX),
};
#undef C

// What os.py reads to build supports_dir_fd / supports_fd / supports_follow_symlinks: only the
// variants krait's functions implement.
const char* const kHaveFunctions[] = {
    "HAVE_FACCESSAT", "HAVE_FCHDIR", "HAVE_FCHMOD", "HAVE_FCHMODAT", "HAVE_FCHOWN", "HAVE_FCHOWNAT",
    "HAVE_FEXECVE", "HAVE_FDOPENDIR", "HAVE_FPATHCONF", "HAVE_FSTATAT", "HAVE_FSTATVFS",
    "HAVE_FTRUNCATE", "HAVE_FUTIMENS", "HAVE_LINKAT", "HAVE_LCHOWN", "HAVE_LSTAT", "HAVE_MKDIRAT",
    "HAVE_MKFIFOAT", "HAVE_MKNODAT", "HAVE_OPENAT", "HAVE_READLINKAT", "HAVE_RENAMEAT",
    "HAVE_SYMLINKAT", "HAVE_UNLINKAT", "HAVE_UTIMENSAT",
};

int add_constants(Value module) {
  for (const IntConstant& c : kConstants) {
    Ref v = Ref::steal(int_from_int64(c.value));
    if (!v || module_add(module, c.name, v.get()) < 0) return -1;
  }
  Ref have = Ref::steal(list_new(0));
  if (!have) return -1;
  for (const char* name : kHaveFunctions) {
    Ref s = Ref::steal(str_from_ascii(name));
    if (!s || list_append(have.get(), s.get()) < 0) return -1;
  }
  return module_add(module, "_have_functions", have.get());
}

}  // namespace

Value create_posix_module() {
  Ref module = Ref::steal(module_new("posix"));
  if (!module) return Value();
  Value m = module.get();
  if (posix::add_stat_functions(m) < 0 || posix::add_fs_functions(m) < 0 || posix::add_scandir(m) < 0 ||
      posix::add_process_functions(m) < 0 || posix::add_extra_functions(m) < 0 ||
      posix::add_conf_functions(m) < 0 || add_constants(m) < 0 ||
      module_add(m, "error", Value::object(exc::OSError)) < 0)
    return Value();
  return module.release();
}

}  // namespace krait::modules
