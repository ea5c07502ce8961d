// The `errno` module: the platform's E* constants and `errorcode` (code -> name).
#include <cerrno>

#include "modules/modules.h"
#include "runtime/dict.h"
#include "runtime/errors.h"
#include "runtime/int.h"
#include "runtime/module.h"
#include "runtime/str.h"

namespace krait::modules {

using namespace runtime;

namespace {

struct ErrnoName {
  const char* name;
  int code;
};

// In CPython's order: errorcode keeps the first position of a code and the last name given to
// it (EAGAIN/EWOULDBLOCK, EDEADLK/EDEADLOCK, EOPNOTSUPP/ENOTSUP), and dir() order follows.
#define C(name) {#name, name}
const ErrnoName kErrnoNames[] = {
    C(ENODEV), C(ENOCSI), C(EHOSTUNREACH), C(ENOMSG), C(EUCLEAN), C(EL2NSYNC), C(EL2HLT),
    C(ENODATA), C(ENOTBLK), C(ENOSYS), C(EPIPE), C(EINVAL), C(EOVERFLOW), C(EADV), C(EINTR),
    C(EUSERS), C(ENOTEMPTY), C(ENOBUFS), C(EPROTO), C(EREMOTE), C(ENAVAIL), C(ECHILD), C(ELOOP),
    C(EXDEV), C(E2BIG), C(ESRCH), C(EMSGSIZE), C(EAFNOSUPPORT), C(EBADR), C(EHOSTDOWN),
    C(EPFNOSUPPORT), C(ENOPROTOOPT), C(EBUSY), C(EWOULDBLOCK), C(EBADFD), C(EDOTDOT), C(EISCONN),
    C(ENOANO), C(ESHUTDOWN), C(ECHRNG), C(ELIBBAD), C(ENONET), C(EBADE), C(EBADF), C(EMULTIHOP),
    C(EIO), C(EUNATCH), C(EPROTOTYPE), C(ENOSPC), C(ENOEXEC), C(EALREADY), C(ENETDOWN), C(ENOTNAM),
    C(EACCES), C(ELNRNG), C(EILSEQ), C(ENOTDIR), C(ENOTUNIQ), C(EPERM), C(EDOM), C(EXFULL),
    C(ECONNREFUSED), C(EISDIR), C(EPROTONOSUPPORT), C(EROFS), C(EADDRNOTAVAIL), C(EIDRM), C(ECOMM),
    C(ESRMNT), C(EREMOTEIO), C(EL3RST), C(EBADMSG), C(ENFILE), C(ELIBMAX), C(ESPIPE), C(ENOLINK),
    C(ENETRESET), C(ETIMEDOUT), C(ENOENT), C(EEXIST), C(EDQUOT), C(ENOSTR), C(EBADSLT), C(EBADRQC),
    C(ELIBACC), C(EFAULT), C(EFBIG), C(EDEADLK), C(ENOTCONN), C(EDESTADDRREQ), C(ELIBSCN),
    C(ENOLCK), C(EISNAM), C(ECONNABORTED), C(ENETUNREACH), C(ESTALE), C(ENOSR), C(ENOMEM),
    C(ENOTSOCK), C(ESTRPIPE), C(EMLINK), C(ERANGE), C(ELIBEXEC), C(EL3HLT), C(ECONNRESET),
    C(EADDRINUSE), C(EOPNOTSUPP), C(EREMCHG), C(EAGAIN), C(ENAMETOOLONG), C(ENOTTY), C(ERESTART),
    C(ESOCKTNOSUPPORT), C(ETIME), C(EBFONT), C(EDEADLOCK), C(ETOOMANYREFS), C(EMFILE), C(ETXTBSY),
    C(EINPROGRESS), C(ENXIO), C(ENOPKG), C(ENOMEDIUM), C(EMEDIUMTYPE), C(ECANCELED), C(ENOKEY),
    C(EKEYEXPIRED), C(EKEYREVOKED), C(EKEYREJECTED), C(EOWNERDEAD), C(ENOTRECOVERABLE), C(ERFKILL),
    C(ENOTSUP),
};
#undef C

const char kErrnoDoc[] =
    "This module makes available standard errno system symbols.\n\nThe value of each symbol is the "
    "corresponding integer value,\ne.g., on most systems, errno.ENOENT equals the integer 2.\n\nThe "
    "dictionary errno.errorcode maps numeric codes to symbol names,\ne.g., errno.errorcode[2] could be the "
    "string 'ENOENT'.\n\nSymbols that are not relevant to the underlying system are not defined.\n\nTo map "
    "error codes to error messages, use the function os.strerror(),\ne.g. os.strerror(2) could return 'No "
    "such file or directory'.";

}  // namespace

Value create_errno_module() {
  Ref module = Ref::steal(module_new("errno"));
  Ref errorcode = Ref::steal(dict_new());
  Ref doc = Ref::steal(str_from_utf8(kErrnoDoc));
  if (!module || !errorcode || !doc) return Value();
  if (module_add(module.get(), "__doc__", doc.get()) < 0) return Value();
  for (const ErrnoName& e : kErrnoNames) {
    Ref name = Ref::steal(str_intern(e.name));
    Ref code = Ref::steal(int_from_int64(e.code));
    if (!name || !code) return Value();
    if (module_add(module.get(), e.name, code.get()) < 0 ||
        dict_set_item(errorcode.get(), code.get(), name.get()) < 0)
      return Value();
  }
  if (module_add(module.get(), "errorcode", errorcode.get()) < 0) return Value();
  return module.release();
}

}  // namespace krait::modules
