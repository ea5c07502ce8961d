// The `_socket` module (under socket.py): the socket type over the BSD socket calls for the
// AF_UNIX, AF_INET and AF_INET6 families, timeouts as CPython implements them (a socket with a
// timeout is non-blocking inside and waits with poll()), socketpair, getaddrinfo/getnameinfo,
// name and address helpers, and the platform's constants.
//
// Not implemented yet: sendmsg/recvmsg (and CMSG_*), recvfrom_into, the other address families
// (CAN, Bluetooth, TIPC, netlink, packet, vsock, ALG addresses), if_nameindex & co, sethostname,
// gethostbyaddr/gethostbyname_ex, getservby*, getprotobyname; 58 enum-only constants of those
// families (CAN BCM, Bluetooth, J1939) are absent.
#include <arpa/inet.h>
#include <fcntl.h>
#include <linux/can.h>
#include <linux/if_alg.h>
#include <linux/if_packet.h>
#include <linux/netlink.h>
#include <linux/qrtr.h>
#include <linux/rds.h>
#include <linux/tipc.h>
#include <linux/vm_sockets.h>
#include <linux/can/bcm.h>
#include <linux/can/j1939.h>
#include <linux/can/raw.h>
#include <net/if.h>
#include <netdb.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <sys/ioctl.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

#include <cerrno>
#include <climits>
#include <cmath>
#include <cstring>
#include <ctime>
#include <string>

#include "modules/modules.h"
#include "modules/posix/posix_internal.h"
#include "runtime/abstract.h"
#include "runtime/bytes.h"
#include "runtime/dict.h"
#include "runtime/errors.h"
#include "runtime/exceptions.h"
#include "runtime/float.h"
#include "runtime/int.h"
#include "runtime/list.h"
#include "runtime/memory.h"
#include "runtime/memoryview.h"
#include "runtime/module.h"
#include "runtime/number_util.h"
#include "runtime/str.h"
#include "runtime/tuple.h"

namespace krait::modules {

using namespace runtime;

namespace {

TypeObject socket_type;
Value herror_type, gaierror_type;  // socket.herror, socket.gaierror (OSError subclasses)
int64_t default_timeout_ns = -1;   // setdefaulttimeout(): -1 is None

struct SocketObject : Object {
  int fd;              // -1 when closed or detached
  int family, type, proto;
  int64_t timeout_ns;  // -1: blocking; 0: non-blocking; > 0: wait at most this long
};

SocketObject* as_socket(Value v) { return static_cast<SocketObject*>(v.as_object()); }

// --- errors --------------------------------------------------------------------------------------

Value raise_timeout() { return raise(exc::TimeoutError, "timed out"); }

Value raise_gaierror(int code) {
  if (code == EAI_SYSTEM) return posix::raise_errno(errno);
  Ref number = Ref::steal(int_from_int64(code));
  Ref text = Ref::steal(str_from_utf8(gai_strerror(code)));
  Value pair[2] = {number.get(), text.get()};
  Ref e = Ref::steal(call(gaierror_type, pair, 2));
  if (e) set_exception(e.get());
  return Value();
}

// --- arguments -----------------------------------------------------------------------------------

// A bytes-like argument (bytes, bytearray, contiguous memoryview).
bool read_buffer(Value v, std::string_view* out) {
  if (is_bytes(v)) *out = bytes_view(v);
  else if (is_bytearray(v)) *out = bytearray_view(v);
  else if (is_memoryview(v)) return memoryview_contiguous_view(v, out);
  else {
    raise_format(exc::TypeError, "a bytes-like object is required, not '%s'", type_name(type_of(v)));
    return false;
  }
  return true;
}

// A writable buffer (bytearray, writable memoryview) for recv_into.
bool write_buffer(Value v, char** data, size_t* size) {
  if (is_bytearray(v)) {
    *data = as_bytearray(v)->data;
    *size = size_t(as_bytearray(v)->size);
    return true;
  }
  if (is_memoryview(v)) return memoryview_writable_view(v, data, size);
  raise_format(exc::TypeError, "recv_into() argument 'buffer' must be read-write bytes-like object, not %s",
               type_name(type_of(v)));
  return false;
}

// A timeout in seconds: None -> -1, else nanoseconds (rounded up); CPython's messages.
bool timeout_arg(Value v, int64_t* out) {
  if (v.is(none())) {
    *out = -1;
    return true;
  }
  double seconds;
  if (is_float(v)) {
    seconds = float_value(v);
  } else {
    Ref index = Ref::steal(number_index(v));
    if (!index) return false;
    int64_t n;
    if (!int_to_int64(index.get(), &n) || std::fabs(double(n)) > 9.2e9) {
      raise(exc::OverflowError, "timeout doesn't fit into C timeval");
      return false;
    }
    seconds = double(n);
  }
  if (std::isnan(seconds)) {
    raise(exc::ValueError, "Invalid value NaN (not a number)");
    return false;
  }
  if (seconds < 0) {
    raise(exc::ValueError, "Timeout value out of range");
    return false;
  }
  if (seconds > 9.2e9) {
    raise(exc::OverflowError, "timeout doesn't fit into C timeval");
    return false;
  }
  *out = int64_t(std::ceil(seconds * 1e9));
  return true;
}

Value timeout_value(int64_t ns) {
  if (ns < 0) return new_ref(none());
  return float_from_double(double(ns) / 1e9);
}

bool port_arg(const char* caller, Value v, uint16_t* out) {
  Ref index = Ref::steal(number_index(v));
  if (!index) return false;
  int64_t port;
  if (!int_to_int64(index.get(), &port) || port < 0 || port > 0xFFFF) {
    raise_format(exc::OverflowError, "%s(): port must be 0-65535.", caller);
    return false;
  }
  *out = uint16_t(port);
  return true;
}

// A host name as getaddrinfo reads it ("" and "<broadcast>" handled by the caller).
bool host_arg(Value v, std::string* out) {
  if (is_str(v) && str_is_ascii(v)) {
    *out = str_to_utf8(v);  // CPython's fast path: ASCII names are used as they are
  } else if (is_str(v)) {
    Ref codec = Ref::steal(str_from_ascii("idna"));
    Value codec_arg = codec.get();
    Ref encoded = Ref::steal(call_method(v, "encode", &codec_arg, 1));
    if (!encoded) return false;
    *out = std::string(bytes_view(encoded.get()));
  } else if (is_bytes(v) || is_bytearray(v)) {
    *out = std::string(is_bytes(v) ? bytes_view(v) : bytearray_view(v));
  } else {
    raise_format(exc::TypeError, "str, bytes or bytearray expected, not %s", type_name(type_of(v)));
    return false;
  }
  if (out->find('\0') != std::string::npos) {
    raise(exc::TypeError, "host name must not contain null character");
    return false;
  }
  return true;
}

// CPython's setipaddr: "" is the wildcard, "<broadcast>" the broadcast address, numeric
// addresses are parsed, names resolved.
bool resolve_host(Value host, int family, sockaddr_storage* addr) {
  std::string name;
  if (!host_arg(host, &name)) return false;
  if (name.empty() || name == "<broadcast>") {
    if (family == AF_INET6 && name.empty()) {
      auto* a = reinterpret_cast<sockaddr_in6*>(addr);
      a->sin6_family = AF_INET6;
      a->sin6_addr = in6addr_any;
      return true;
    }
    if (family == AF_INET6) {
      raise(exc::OSError, "address family mismatched");
      return false;
    }
    auto* a = reinterpret_cast<sockaddr_in*>(addr);
    a->sin_family = AF_INET;
    a->sin_addr.s_addr = name.empty() ? htonl(INADDR_ANY) : htonl(INADDR_BROADCAST);
    return true;
  }
  addrinfo hints{}, *res = nullptr;
  hints.ai_family = family;
  int code = getaddrinfo(name.c_str(), nullptr, &hints, &res);
  if (code != 0) {
    raise_gaierror(code);
    return false;
  }
  std::memcpy(addr, res->ai_addr, res->ai_addrlen);
  freeaddrinfo(res);
  return true;
}

// getsockaddrarg: a Python address for `family` as a sockaddr.
bool sockaddr_arg(SocketObject* s, Value address, const char* caller, sockaddr_storage* addr, socklen_t* len) {
  std::memset(addr, 0, sizeof *addr);
  if (s->family == AF_UNIX) {
    std::string path;
    if (is_str(address)) {
      Ref encoded = Ref::steal(posix::fspath(address));
      if (!encoded) return false;
      Ref enc = Ref::steal(str_from_ascii("utf-8"));
      Ref err = Ref::steal(str_from_ascii("surrogateescape"));
      Value encode_args[2] = {enc.get(), err.get()};
      Ref raw = Ref::steal(call_method(encoded.get(), "encode", encode_args, 2));
      if (!raw) return false;
      path = std::string(bytes_view(raw.get()));
    } else if (is_bytes(address) || is_bytearray(address)) {
      path = std::string(is_bytes(address) ? bytes_view(address) : bytearray_view(address));
    } else {
      raise_format(exc::TypeError, "%s(): AF_UNIX address must be str or bytes, not %s", caller,
                   type_name(type_of(address)));
      return false;
    }
    auto* a = reinterpret_cast<sockaddr_un*>(addr);
    if (path.size() >= sizeof a->sun_path && !(path.size() == sizeof a->sun_path && path[0] == '\0')) {
      raise(exc::OSError, "AF_UNIX path too long");
      return false;
    }
    a->sun_family = AF_UNIX;
    std::memcpy(a->sun_path, path.data(), path.size());
    *len = socklen_t(offsetof(sockaddr_un, sun_path) + path.size() + (path.empty() || path[0] ? 1 : 0));
    return true;
  }
  if (s->family == AF_INET || s->family == AF_INET6) {
    const char* fam = s->family == AF_INET ? "AF_INET" : "AF_INET6";
    if (!is_tuple(address)) {
      raise_format(exc::TypeError, "%s(): %s address must be tuple, not %s", caller, fam, type_name(type_of(address)));
      return false;
    }
    size_t n = tuple_size(address);
    if (s->family == AF_INET ? n != 2 : (n < 2 || n > 4)) {
      if (s->family == AF_INET)
        raise_format(exc::TypeError, "AF_INET address must be a pair (host, port)");
      else
        raise_format(exc::TypeError, "AF_INET6 address must be a tuple (host, port[, flowinfo[, scopeid]])");
      return false;
    }
    uint16_t port;
    if (!port_arg(caller, tuple_get(address, 1), &port)) return false;
    if (!resolve_host(tuple_get(address, 0), s->family, addr)) return false;
    if (s->family == AF_INET) {
      if (addr->ss_family != AF_INET) {
        raise(exc::OSError, "address family mismatched");
        return false;
      }
      reinterpret_cast<sockaddr_in*>(addr)->sin_port = htons(port);
      *len = sizeof(sockaddr_in);
    } else {
      auto* a = reinterpret_cast<sockaddr_in6*>(addr);
      a->sin6_port = htons(port);
      int64_t flowinfo = 0, scope = 0;
      if (n > 2 && !posix::int64_arg(tuple_get(address, 2), &flowinfo)) return false;
      if (n > 3 && !posix::int64_arg(tuple_get(address, 3), &scope)) return false;
      if (flowinfo < 0 || flowinfo > 0xfffff) {
        raise_format(exc::OverflowError, "%s(): flowinfo must be 0-1048575.", caller);
        return false;
      }
      a->sin6_flowinfo = htonl(uint32_t(flowinfo));
      a->sin6_scope_id = uint32_t(scope);
      *len = sizeof(sockaddr_in6);
    }
    return true;
  }
  raise_format(exc::OSError, "%s(): bad family", caller);
  return false;
}

// makesockaddr: a sockaddr as Python sees it.
Value sockaddr_value(const sockaddr* addr, socklen_t len) {
  if (len == 0) return new_ref(none());
  char host[INET6_ADDRSTRLEN];
  switch (addr->sa_family) {
    case AF_INET: {
      auto* a = reinterpret_cast<const sockaddr_in*>(addr);
      inet_ntop(AF_INET, &a->sin_addr, host, sizeof host);
      Ref h = Ref::steal(str_from_ascii(host));
      Ref p = Ref::steal(int_from_int64(ntohs(a->sin_port)));
      return tuple_pack({h.get(), p.get()});
    }
    case AF_INET6: {
      auto* a = reinterpret_cast<const sockaddr_in6*>(addr);
      inet_ntop(AF_INET6, &a->sin6_addr, host, sizeof host);
      Ref h = Ref::steal(str_from_ascii(host));
      Ref p = Ref::steal(int_from_int64(ntohs(a->sin6_port)));
      Ref f = Ref::steal(int_from_int64(ntohl(a->sin6_flowinfo)));
      Ref sc = Ref::steal(int_from_int64(a->sin6_scope_id));
      return tuple_pack({h.get(), p.get(), f.get(), sc.get()});
    }
    case AF_UNIX: {
      auto* a = reinterpret_cast<const sockaddr_un*>(addr);
      size_t n = len - offsetof(sockaddr_un, sun_path);
      if (n > 0 && a->sun_path[0] == '\0') return bytes_from(std::string_view(a->sun_path, n));  // abstract
      return posix::fs_decode(std::string_view(a->sun_path, strnlen(a->sun_path, n)));
    }
    default: {
      Ref family = Ref::steal(int_from_int64(addr->sa_family));
      Ref data = Ref::steal(bytes_from(std::string_view(addr->sa_data, sizeof addr->sa_data)));
      return tuple_pack({family.get(), data.get()});
    }
  }
}

// --- the socket type -----------------------------------------------------------------------------

bool set_blocking_fd(int fd, bool blocking) {
  int flags = fcntl(fd, F_GETFL);
  if (flags < 0) return false;
  int wanted = blocking ? (flags & ~O_NONBLOCK) : (flags | O_NONBLOCK);
  return wanted == flags || fcntl(fd, F_SETFL, wanted) == 0;
}

int64_t monotonic_ns() {
  timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return int64_t(ts.tv_sec) * 1000000000 + ts.tv_nsec;
}

// Waits until the socket is readable/writable within its timeout: 1 ready, 0 timed out, -1 errno.
int wait_ready(SocketObject* s, bool writing, int64_t deadline) {
  for (;;) {
    int64_t left = deadline - monotonic_ns();
    if (left < 0) left = 0;
    pollfd p{s->fd, short(writing ? POLLOUT : POLLIN), 0};
    int ms = int(left / 1000000 + (left % 1000000 != 0));
    int n = poll(&p, 1, ms);
    if (n >= 0) return n > 0;
    if (errno != EINTR) return -1;
  }
}

// sock_call: runs `op` (returns >= 0 or -1 with errno), waiting first when the socket has a
// timeout and retrying on EINTR and, with a timeout, on EWOULDBLOCK. -1 + Python error.
template <typename Op>
int64_t sock_call(SocketObject* s, bool writing, Op op) {
  int64_t deadline = s->timeout_ns > 0 ? monotonic_ns() + s->timeout_ns : 0;
  bool waited = false;
  for (;;) {
    if (s->timeout_ns > 0 && waited) {
      int r = wait_ready(s, writing, deadline);
      if (r < 0) return posix::raise_errno(errno), -1;
      if (r == 0) return raise_timeout(), -1;
    }
    int64_t n = op();
    if (n >= 0) return n;
    if (errno == EINTR) continue;
    if (s->timeout_ns > 0 && (errno == EWOULDBLOCK || errno == EAGAIN)) {
      waited = true;
      continue;
    }
    return posix::raise_errno(errno), -1;
  }
}

bool check_open(SocketObject* s) {
  if (s->fd >= 0) return true;
  posix::raise_errno(EBADF);
  return false;
}

void apply_timeout(SocketObject* s, int64_t timeout) {
  s->timeout_ns = timeout;
  if (s->fd >= 0) set_blocking_fd(s->fd, timeout < 0);
}

Value socket_new(TypeObject* type, const Value*, size_t, Value) {
  auto* s = static_cast<SocketObject*>(allocate_object(type, type->basic_size));
  if (!s) return Value();
  s->fd = -1;
  s->family = AF_INET;
  s->type = SOCK_STREAM;
  s->proto = 0;
  s->timeout_ns = -1;
  return Value::object(s);
}

void init_socket_fields(SocketObject* s, int fd, int family, int type, int proto) {
  s->fd = fd;
  s->family = family;
  s->type = type & ~(SOCK_NONBLOCK | SOCK_CLOEXEC);
  s->proto = proto;
  if (type & SOCK_NONBLOCK) s->timeout_ns = 0;
  else s->timeout_ns = default_timeout_ns;
  if (s->timeout_ns >= 0) set_blocking_fd(fd, false);
}

int socket_init(Value self, const Value* args, size_t nargs, Value kwnames) {
  Value a[4];
  if (!posix::parse_clinic("socket", args, nargs, kwnames, {"family", "type", "proto", "fileno"}, 0, 0, 4, a))
    return -1;
  int family = -1, type = -1, proto = -1;
  if (a[0] && !posix::int_arg(a[0], &family)) return -1;
  if (a[1] && !posix::int_arg(a[1], &type)) return -1;
  if (a[2] && !posix::int_arg(a[2], &proto)) return -1;
  SocketObject* s = as_socket(self);
  int fd;
  if (a[3] && !a[3].is(none())) {
    int64_t n;
    Ref index = Ref::steal(number_index(a[3]));
    if (!index) return -1;
    if (!int_to_int64(index.get(), &n) || n > INT_MAX) return raise(exc::OverflowError, "Python int too large to convert to C int"), -1;
    if (n < 0) return raise(exc::ValueError, "negative file descriptor"), -1;
    fd = int(n);
    socklen_t len = sizeof(int);
    if (family == -1 && getsockopt(fd, SOL_SOCKET, SO_DOMAIN, &family, &len) < 0) return posix::raise_errno(errno), -1;
    len = sizeof(int);
    if (type == -1 && getsockopt(fd, SOL_SOCKET, SO_TYPE, &type, &len) < 0) return posix::raise_errno(errno), -1;
    len = sizeof(int);
    if (proto == -1 && getsockopt(fd, SOL_SOCKET, SO_PROTOCOL, &proto, &len) < 0) return posix::raise_errno(errno), -1;
  } else {
    if (family == -1) family = AF_INET;
    if (type == -1) type = SOCK_STREAM;
    if (proto == -1) proto = 0;
    fd = socket(family, type | SOCK_CLOEXEC, proto);
    if (fd < 0) return posix::raise_errno(errno), -1;
  }
  init_socket_fields(s, fd, family, type, proto);
  return 0;
}

void socket_dealloc(Object* self) {
  auto* s = static_cast<SocketObject*>(self);
  if (s->fd >= 0) close(s->fd);  // CPython also warns (ResourceWarning, ignored by default)
  s->fd = -1;
  free_object(self);
}

Value socket_fileno(Value self) { return int_from_int64(as_socket(self)->fd); }

Value socket_close(Value self) {
  SocketObject* s = as_socket(self);
  if (s->fd >= 0) {
    int fd = s->fd;
    s->fd = -1;
    // As CPython: ECONNRESET on close is not an error.
    if (close(fd) < 0 && errno != ECONNRESET) return posix::raise_errno(errno);
  }
  return new_ref(none());
}

Value socket_detach(Value self) {
  SocketObject* s = as_socket(self);
  int fd = s->fd;
  s->fd = -1;
  return int_from_int64(fd);
}

Value socket_setblocking(Value self, Value flag) {
  int r = is_true(flag);
  if (r < 0) return Value();
  SocketObject* s = as_socket(self);
  s->timeout_ns = r ? -1 : 0;
  if (s->fd >= 0 && !set_blocking_fd(s->fd, r)) return posix::raise_errno(errno);
  return new_ref(none());
}

Value socket_getblocking(Value self) { return new_ref(bool_value(as_socket(self)->timeout_ns != 0)); }

Value socket_settimeout(Value self, Value value) {
  int64_t timeout;
  if (!timeout_arg(value, &timeout)) return Value();
  apply_timeout(as_socket(self), timeout);
  return new_ref(none());
}

Value socket_gettimeout(Value self) { return timeout_value(as_socket(self)->timeout_ns); }

Value socket_bind(Value self, Value address) {
  SocketObject* s = as_socket(self);
  sockaddr_storage addr;
  socklen_t len;
  if (!sockaddr_arg(s, address, "bind", &addr, &len)) return Value();
  if (bind(s->fd, reinterpret_cast<sockaddr*>(&addr), len) < 0) return posix::raise_errno(errno);
  return new_ref(none());
}

Value socket_listen(Value self, const Value* args, size_t nargs) {
  if (!posix::check_positional("listen", nargs, Value(), 0, 1)) return Value();
  int backlog = SOMAXCONN < 128 ? SOMAXCONN : 128;
  if (nargs && !posix::int_arg(args[0], &backlog)) return Value();
  if (backlog < 0) backlog = 0;
  if (listen(as_socket(self)->fd, backlog) < 0) return posix::raise_errno(errno);
  return new_ref(none());
}

// _accept() -> (fd, address); socket.py wraps the fd.
Value socket_accept(Value self) {
  SocketObject* s = as_socket(self);
  sockaddr_storage addr;
  socklen_t len = sizeof addr;
  int64_t fd = sock_call(s, false, [&] {
    len = sizeof addr;
    return int64_t(accept4(s->fd, reinterpret_cast<sockaddr*>(&addr), &len, SOCK_CLOEXEC));
  });
  if (fd < 0) return Value();
  Ref number = Ref::steal(int_from_int64(fd));
  Ref address = Ref::steal(sockaddr_value(reinterpret_cast<sockaddr*>(&addr), len));
  if (!address) {
    close(int(fd));
    return Value();
  }
  return tuple_pack({number.get(), address.get()});
}

// connect/connect_ex: 0 or the errno (raise_errors: raised instead, with timeouts).
Value do_connect(Value self, Value address, bool raise_errors) {
  SocketObject* s = as_socket(self);
  sockaddr_storage addr;
  socklen_t len;
  if (!sockaddr_arg(s, address, raise_errors ? "connect" : "connect_ex", &addr, &len)) return Value();
  int err = 0;
  int r;
  do {
    r = connect(s->fd, reinterpret_cast<sockaddr*>(&addr), len);
  } while (r < 0 && errno == EINTR && s->timeout_ns != 0);
  if (r < 0) err = errno;
  if (err == EINPROGRESS && s->timeout_ns > 0) {
    int ready = wait_ready(s, true, monotonic_ns() + s->timeout_ns);
    if (ready < 0) {
      err = errno;
    } else if (ready == 0) {
      if (raise_errors) return raise_timeout();
      err = EWOULDBLOCK;
    } else {
      socklen_t n = sizeof err;
      if (getsockopt(s->fd, SOL_SOCKET, SO_ERROR, &err, &n) < 0) err = errno;
    }
  }
  if (raise_errors) {
    if (err) return posix::raise_errno(err);
    return new_ref(none());
  }
  return int_from_int64(err);
}

Value socket_connect(Value self, Value address) { return do_connect(self, address, true); }
Value socket_connect_ex(Value self, Value address) { return do_connect(self, address, false); }

bool flags_arg(const Value* args, size_t nargs, size_t i, int* flags) {
  *flags = 0;
  return nargs <= i || posix::int_arg(args[i], flags);
}

Value socket_send(Value self, const Value* args, size_t nargs) {
  if (!posix::check_positional("send", nargs, Value(), 1, 2)) return Value();
  std::string_view data;
  int flags;
  if (!read_buffer(args[0], &data) || !flags_arg(args, nargs, 1, &flags)) return Value();
  SocketObject* s = as_socket(self);
  int64_t n = sock_call(s, true, [&] { return int64_t(send(s->fd, data.data(), data.size(), flags)); });
  return n < 0 ? Value() : int_from_int64(n);
}

Value socket_sendall(Value self, const Value* args, size_t nargs) {
  if (!posix::check_positional("sendall", nargs, Value(), 1, 2)) return Value();
  std::string_view data;
  int flags;
  if (!read_buffer(args[0], &data) || !flags_arg(args, nargs, 1, &flags)) return Value();
  SocketObject* s = as_socket(self);
  while (!data.empty()) {
    int64_t n = sock_call(s, true, [&] { return int64_t(send(s->fd, data.data(), data.size(), flags)); });
    if (n < 0) return Value();
    data.remove_prefix(size_t(n));
  }
  return new_ref(none());
}

Value socket_sendto(Value self, const Value* args, size_t nargs) {
  if (nargs != 2 && nargs != 3) return raise_format(exc::TypeError, "sendto() takes 2 or 3 arguments (%zu given)", nargs);
  std::string_view data;
  int flags = 0;
  if (!read_buffer(args[0], &data)) return Value();
  if (nargs == 3 && !posix::int_arg(args[1], &flags)) return Value();
  SocketObject* s = as_socket(self);
  sockaddr_storage addr;
  socklen_t len;
  if (!sockaddr_arg(s, args[nargs - 1], "sendto", &addr, &len)) return Value();
  int64_t n = sock_call(s, true, [&] {
    return int64_t(sendto(s->fd, data.data(), data.size(), flags, reinterpret_cast<sockaddr*>(&addr), len));
  });
  return n < 0 ? Value() : int_from_int64(n);
}

bool size_arg(const char* what, Value v, size_t* out) {
  int64_t n;
  if (!posix::int64_arg(v, &n)) return false;
  if (n < 0) {
    raise_format(exc::ValueError, "negative buffersize in %s", what);
    return false;
  }
  *out = size_t(n);
  return true;
}

Value socket_recv(Value self, const Value* args, size_t nargs) {
  if (!posix::check_positional("recv", nargs, Value(), 1, 2)) return Value();
  size_t size;
  int flags;
  if (!size_arg("recv", args[0], &size) || !flags_arg(args, nargs, 1, &flags)) return Value();
  std::string buffer(size, '\0');
  SocketObject* s = as_socket(self);
  int64_t n = sock_call(s, false, [&] { return int64_t(recv(s->fd, buffer.data(), size, flags)); });
  if (n < 0) return Value();
  return bytes_from(std::string_view(buffer.data(), size_t(n)));
}

Value socket_recv_into(Value self, const Value* args, size_t nargs, Value kwnames) {
  Value a[3];
  if (!posix::parse_clinic("recv_into", args, nargs, kwnames, {"buffer", "nbytes", "flags"}, 0, 1, 3, a)) return Value();
  char* data;
  size_t capacity, size;
  if (!write_buffer(a[0], &data, &capacity)) return Value();
  size = capacity;
  if (a[1]) {
    if (!size_arg("recv_into", a[1], &size)) return Value();
    if (size == 0) size = capacity;
    if (size > capacity) return raise(exc::ValueError, "buffer too small for requested bytes");
  }
  int flags = 0;
  if (a[2] && !posix::int_arg(a[2], &flags)) return Value();
  SocketObject* s = as_socket(self);
  int64_t n = sock_call(s, false, [&] { return int64_t(recv(s->fd, data, size, flags)); });
  return n < 0 ? Value() : int_from_int64(n);
}

Value socket_recvfrom(Value self, const Value* args, size_t nargs) {
  if (!posix::check_positional("recvfrom", nargs, Value(), 1, 2)) return Value();
  size_t size;
  int flags;
  if (!size_arg("recvfrom", args[0], &size) || !flags_arg(args, nargs, 1, &flags)) return Value();
  std::string buffer(size, '\0');
  sockaddr_storage addr;
  socklen_t len = 0;
  SocketObject* s = as_socket(self);
  int64_t n = sock_call(s, false, [&] {
    len = sizeof addr;
    return int64_t(recvfrom(s->fd, buffer.data(), size, flags, reinterpret_cast<sockaddr*>(&addr), &len));
  });
  if (n < 0) return Value();
  Ref data = Ref::steal(bytes_from(std::string_view(buffer.data(), size_t(n))));
  Ref address = Ref::steal(sockaddr_value(reinterpret_cast<sockaddr*>(&addr), len));
  if (!data || !address) return Value();
  return tuple_pack({data.get(), address.get()});
}

Value socket_shutdown(Value self, Value how) {
  int h;
  if (!posix::int_arg(how, &h)) return Value();
  if (shutdown(as_socket(self)->fd, h) < 0) return posix::raise_errno(errno);
  return new_ref(none());
}

Value socket_name(Value self, bool peer) {
  sockaddr_storage addr{};
  socklen_t len = sizeof addr;
  int fd = as_socket(self)->fd;
  int r = peer ? getpeername(fd, reinterpret_cast<sockaddr*>(&addr), &len)
               : getsockname(fd, reinterpret_cast<sockaddr*>(&addr), &len);
  if (r < 0) return posix::raise_errno(errno);
  return sockaddr_value(reinterpret_cast<sockaddr*>(&addr), len);
}

Value socket_getsockname(Value self) { return socket_name(self, false); }
Value socket_getpeername(Value self) { return socket_name(self, true); }

Value socket_setsockopt(Value self, const Value* args, size_t nargs) {
  if (nargs != 3 && nargs != 4)
    return raise_format(exc::TypeError, "setsockopt() takes 3 or 4 arguments (%zu given)", nargs);
  int level, option;
  if (!posix::int_arg(args[0], &level) || !posix::int_arg(args[1], &option)) return Value();
  int r;
  if (nargs == 4) {
    if (!args[2].is(none())) return raise(exc::TypeError, "setsockopt() takes an int, a buffer, or None, optlen");
    unsigned optlen;
    int n;
    if (!posix::int_arg(args[3], &n)) return Value();
    optlen = unsigned(n);
    r = setsockopt(as_socket(self)->fd, level, option, nullptr, optlen);
  } else if (is_int(args[2])) {
    int value;
    if (!posix::int_arg(args[2], &value)) return Value();
    r = setsockopt(as_socket(self)->fd, level, option, &value, sizeof value);
  } else {
    std::string_view data;
    if (!read_buffer(args[2], &data)) return Value();
    r = setsockopt(as_socket(self)->fd, level, option, data.data(), socklen_t(data.size()));
  }
  if (r < 0) return posix::raise_errno(errno);
  return new_ref(none());
}

Value socket_getsockopt(Value self, const Value* args, size_t nargs) {
  if (nargs != 2 && nargs != 3)
    return raise_format(exc::TypeError, "getsockopt() takes 2 or 3 arguments (%zu given)", nargs);
  int level, option;
  if (!posix::int_arg(args[0], &level) || !posix::int_arg(args[1], &option)) return Value();
  if (nargs == 2) {
    int value = 0;
    socklen_t len = sizeof value;
    if (getsockopt(as_socket(self)->fd, level, option, &value, &len) < 0) return posix::raise_errno(errno);
    return int_from_int64(value);
  }
  int buflen;
  if (!posix::int_arg(args[2], &buflen)) return Value();
  if (buflen <= 0 || buflen > 1024) return raise(exc::OSError, "getsockopt buflen out of range");
  std::string buffer(size_t(buflen), '\0');
  socklen_t len = socklen_t(buflen);
  if (getsockopt(as_socket(self)->fd, level, option, buffer.data(), &len) < 0) return posix::raise_errno(errno);
  return bytes_from(std::string_view(buffer.data(), len));
}

Value socket_repr(Value self) {
  SocketObject* s = as_socket(self);
  return str_from_format("<socket object, fd=%d, family=%d, type=%d, proto=%d>", s->fd, s->family, s->type, s->proto);
}

Value get_family(Value self) { return int_from_int64(as_socket(self)->family); }
Value get_type(Value self) { return int_from_int64(as_socket(self)->type); }
Value get_proto(Value self) { return int_from_int64(as_socket(self)->proto); }
Value get_timeout(Value self) { return timeout_value(as_socket(self)->timeout_ns); }

#define M(name, fn, kind) {name, reinterpret_cast<void*>(fn), MethodKind::kind}
const MethodDef socket_methods[] = {
    M("_accept", socket_accept, NoArgs),
    M("bind", socket_bind, OneArg),
    M("close", socket_close, NoArgs),
    M("connect", socket_connect, OneArg),
    M("connect_ex", socket_connect_ex, OneArg),
    M("detach", socket_detach, NoArgs),
    M("fileno", socket_fileno, NoArgs),
    M("getblocking", socket_getblocking, NoArgs),
    M("getpeername", socket_getpeername, NoArgs),
    M("getsockname", socket_getsockname, NoArgs),
    M("getsockopt", socket_getsockopt, Fast),
    M("gettimeout", socket_gettimeout, NoArgs),
    M("listen", socket_listen, Fast),
    M("recv", socket_recv, Fast),
    M("recv_into", socket_recv_into, FastKeywords),
    M("recvfrom", socket_recvfrom, Fast),
    M("send", socket_send, Fast),
    M("sendall", socket_sendall, Fast),
    M("sendto", socket_sendto, Fast),
    M("setblocking", socket_setblocking, OneArg),
    M("setsockopt", socket_setsockopt, Fast),
    M("settimeout", socket_settimeout, OneArg),
    M("shutdown", socket_shutdown, OneArg),
    {nullptr, nullptr, MethodKind::NoArgs},
};

const GetSetDef socket_getsets[] = {
    {"family", get_family, nullptr, "the socket family"},
    {"type", get_type, nullptr, "the socket type"},
    {"proto", get_proto, nullptr, "the socket protocol"},
    {"timeout", get_timeout, nullptr, "the socket timeout"},
    {nullptr, nullptr},
};

// --- module functions ----------------------------------------------------------------------------

Value new_socket_object(int fd, int family, int type, int proto) {
  Ref s = Ref::steal(socket_new(&socket_type, nullptr, 0, Value()));
  if (!s) {
    close(fd);
    return Value();
  }
  init_socket_fields(as_socket(s.get()), fd, family, type, proto);
  return s.release();
}

Value socketpair_function(Value, const Value* args, size_t nargs) {
  if (!posix::check_positional("socketpair", nargs, Value(), 0, 3)) return Value();
  int family = AF_UNIX, type = SOCK_STREAM, proto = 0;
  if (nargs > 0 && !args[0].is(none()) && !posix::int_arg(args[0], &family)) return Value();
  if (nargs > 1 && !posix::int_arg(args[1], &type)) return Value();
  if (nargs > 2 && !posix::int_arg(args[2], &proto)) return Value();
  int fds[2];
  if (socketpair(family, type | SOCK_CLOEXEC, proto, fds) < 0) return posix::raise_errno(errno);
  Ref a = Ref::steal(new_socket_object(fds[0], family, type, proto));
  if (!a) {
    close(fds[1]);
    return Value();
  }
  Ref b = Ref::steal(new_socket_object(fds[1], family, type, proto));
  if (!b) return Value();
  return tuple_pack({a.get(), b.get()});
}

Value getaddrinfo_function(Value, const Value* args, size_t nargs, Value kwnames) {
  Value a[6];
  if (!posix::parse_clinic("getaddrinfo", args, nargs, kwnames, {"host", "port", "family", "type", "proto", "flags"},
                           0, 2, 6, a))
    return Value();
  std::string host, port;
  const char* hptr = nullptr;
  const char* pptr = nullptr;
  if (!a[0].is(none())) {
    if (!host_arg(a[0], &host)) return Value();
    hptr = host.c_str();
  }
  if (is_int(a[1])) {
    int64_t p;
    if (!int_to_int64(a[1], &p)) return raise(exc::OverflowError, "Python int too large to convert to C long");
    port = std::to_string(p);
    pptr = port.c_str();
  } else if (is_str(a[1])) {
    port = str_to_utf8(a[1]);
    pptr = port.c_str();
  } else if (is_bytes(a[1])) {
    port = std::string(bytes_view(a[1]));
    pptr = port.c_str();
  } else if (!a[1].is(none())) {
    return raise(exc::OSError, "Int or String expected");
  }
  int ints[4] = {0, 0, 0, 0};
  for (int i = 0; i < 4; ++i)
    if (a[2 + i] && !posix::int_arg(a[2 + i], &ints[i])) return Value();
  addrinfo hints{}, *res = nullptr;
  hints.ai_family = ints[0];
  hints.ai_socktype = ints[1];
  hints.ai_protocol = ints[2];
  hints.ai_flags = ints[3];
  int code = getaddrinfo(hptr, pptr, &hints, &res);
  if (code != 0) return raise_gaierror(code);
  Ref list = Ref::steal(list_new(0));
  for (addrinfo* r = res; r && list; r = r->ai_next) {
    Ref family = Ref::steal(int_from_int64(r->ai_family));
    Ref type = Ref::steal(int_from_int64(r->ai_socktype));
    Ref proto = Ref::steal(int_from_int64(r->ai_protocol));
    Ref canon = Ref::steal(str_from_utf8(r->ai_canonname ? r->ai_canonname : ""));
    Ref addr = Ref::steal(sockaddr_value(r->ai_addr, r->ai_addrlen));
    Ref item = Ref::steal(tuple_pack({family.get(), type.get(), proto.get(), canon.get(), addr.get()}));
    if (!item || list_append(list.get(), item.get()) < 0) list = Ref();
  }
  freeaddrinfo(res);
  return list.release();
}

Value getnameinfo_function(Value, const Value* args, size_t nargs) {
  if (!posix::check_positional("getnameinfo", nargs, Value(), 2, 2)) return Value();
  if (!is_tuple(args[0])) return raise(exc::TypeError, "getnameinfo() argument 1 must be a tuple");
  int flags;
  if (!posix::int_arg(args[1], &flags)) return Value();
  Value sa = args[0];
  if (tuple_size(sa) < 2 || tuple_size(sa) > 4)
    return raise(exc::TypeError, "getnameinfo(): illegal sockaddr argument");
  uint16_t port;
  if (!port_arg("getnameinfo", tuple_get(sa, 1), &port)) return Value();
  std::string host;
  if (!host_arg(tuple_get(sa, 0), &host)) return Value();
  addrinfo hints{}, *res = nullptr;
  hints.ai_family = AF_UNSPEC;
  hints.ai_socktype = SOCK_DGRAM;
  hints.ai_flags = AI_NUMERICHOST;
  std::string portstr = std::to_string(port);
  int code = getaddrinfo(host.c_str(), portstr.c_str(), &hints, &res);
  if (code != 0) return raise_gaierror(code);
  if (res->ai_next) {
    freeaddrinfo(res);
    return raise(exc::OSError, "sockaddr resolved to multiple addresses");
  }
  char hbuf[NI_MAXHOST], sbuf[NI_MAXSERV];
  code = getnameinfo(res->ai_addr, res->ai_addrlen, hbuf, sizeof hbuf, sbuf, sizeof sbuf, flags);
  freeaddrinfo(res);
  if (code != 0) return raise_gaierror(code);
  Ref h = Ref::steal(str_from_utf8(hbuf));
  Ref s = Ref::steal(str_from_utf8(sbuf));
  return tuple_pack({h.get(), s.get()});
}

Value gethostname_function(Value) {
  char buf[1024];
  if (gethostname(buf, sizeof buf - 1) < 0) return posix::raise_errno(errno);
  buf[sizeof buf - 1] = '\0';
  return str_from_utf8(buf);
}

Value gethostbyname_function(Value, Value name) {
  sockaddr_storage addr{};
  if (!resolve_host(name, AF_INET, &addr)) return Value();
  char host[INET_ADDRSTRLEN];
  inet_ntop(AF_INET, &reinterpret_cast<sockaddr_in*>(&addr)->sin_addr, host, sizeof host);
  return str_from_ascii(host);
}

Value getdefaulttimeout_function(Value) { return timeout_value(default_timeout_ns); }

Value setdefaulttimeout_function(Value, Value value) {
  int64_t timeout;
  if (!timeout_arg(value, &timeout)) return Value();
  default_timeout_ns = timeout;
  return new_ref(none());
}

Value dup_function(Value, Value fd_obj) {
  int fd;
  if (!posix::int_arg(fd_obj, &fd)) return Value();
  int copy = fcntl(fd, F_DUPFD_CLOEXEC, 0);
  if (copy < 0) return posix::raise_errno(errno);
  return int_from_int64(copy);
}

Value close_function(Value, Value fd_obj) {
  int fd;
  if (!posix::int_arg(fd_obj, &fd)) return Value();
  if (close(fd) < 0 && errno != ECONNRESET) return posix::raise_errno(errno);
  return new_ref(none());
}

// htons/ntohs (16 bits), htonl/ntohl (32 bits): CPython's range checks.
Value swap_int(Value arg, bool wide, const char* name) {
  if (!is_int(arg)) return raise_format(exc::TypeError, "'%s' object cannot be interpreted as an integer", type_name(type_of(arg)));
  int64_t n;
  bool fits = int_to_int64(arg, &n);
  if (fits && n < 0) {
    return raise(exc::OverflowError, wide ? "can't convert negative value to unsigned int"
                                          : (std::string(name) + ": can't convert negative Python int to C 16-bit unsigned integer").c_str());
  }
  if (!fits || uint64_t(n) > (wide ? 0xFFFFFFFFull : 0xFFFFull)) {
    if (wide) return raise(exc::OverflowError, "int larger than 32 bits");
    return raise_format(exc::OverflowError, "%s: Python int too large to convert to C 16-bit unsigned integer", name);
  }
  return wide ? int_from_int64(htonl(uint32_t(n))) : int_from_int64(htons(uint16_t(n)));
}

Value htons_function(Value, Value arg) { return swap_int(arg, false, "htons"); }
Value ntohs_function(Value, Value arg) { return swap_int(arg, false, "ntohs"); }
Value htonl_function(Value, Value arg) { return swap_int(arg, true, "htonl"); }
Value ntohl_function(Value, Value arg) { return swap_int(arg, true, "ntohl"); }

Value inet_aton_function(Value, Value arg) {
  if (!is_str(arg)) return raise_format(exc::TypeError, "inet_aton() argument 1 must be str, not %s", type_name(type_of(arg)));
  in_addr addr;
  if (inet_aton(str_cstr(arg), &addr) == 0) return raise(exc::OSError, "illegal IP address string passed to inet_aton");
  return bytes_from(std::string_view(reinterpret_cast<char*>(&addr), sizeof addr));
}

Value inet_ntoa_function(Value, Value arg) {
  std::string_view data;
  if (!read_buffer(arg, &data)) return Value();
  if (data.size() != 4) return raise(exc::OSError, "packed IP wrong length for inet_ntoa");
  char host[INET_ADDRSTRLEN];
  inet_ntop(AF_INET, data.data(), host, sizeof host);
  return str_from_ascii(host);
}

Value inet_pton_function(Value, const Value* args, size_t nargs) {
  if (!posix::check_positional("inet_pton", nargs, Value(), 2, 2)) return Value();
  int family;
  if (!posix::int_arg(args[0], &family)) return Value();
  if (!is_str(args[1])) return raise_format(exc::TypeError, "inet_pton() argument 2 must be str, not %s", type_name(type_of(args[1])));
  unsigned char buf[sizeof(in6_addr)];
  int r = inet_pton(family, str_cstr(args[1]), buf);
  if (r < 0) return posix::raise_errno(errno);
  if (r == 0) return raise(exc::OSError, "illegal IP address string passed to inet_pton");
  return bytes_from(std::string_view(reinterpret_cast<char*>(buf), family == AF_INET ? 4 : 16));
}

Value inet_ntop_function(Value, const Value* args, size_t nargs) {
  if (!posix::check_positional("inet_ntop", nargs, Value(), 2, 2)) return Value();
  int family;
  std::string_view data;
  if (!posix::int_arg(args[0], &family) || !read_buffer(args[1], &data)) return Value();
  if (family == AF_INET && data.size() != 4) return raise(exc::ValueError, "invalid length of packed IP address string");
  if (family == AF_INET6 && data.size() != 16) return raise(exc::ValueError, "invalid length of packed IP address string");
  if (family != AF_INET && family != AF_INET6) return raise(exc::ValueError, "unknown address family " + std::to_string(family));
  char host[INET6_ADDRSTRLEN];
  if (!inet_ntop(family, data.data(), host, sizeof host)) return posix::raise_errno(errno);
  return str_from_ascii(host);
}

#define F(name, fn, kind) {name, reinterpret_cast<void*>(fn), MethodKind::kind}
const MethodDef socket_functions[] = {
    F("socketpair", socketpair_function, Fast),
    F("getaddrinfo", getaddrinfo_function, FastKeywords),
    F("getnameinfo", getnameinfo_function, Fast),
    F("gethostname", gethostname_function, NoArgs),
    F("gethostbyname", gethostbyname_function, OneArg),
    F("getdefaulttimeout", getdefaulttimeout_function, NoArgs),
    F("setdefaulttimeout", setdefaulttimeout_function, OneArg),
    F("dup", dup_function, OneArg),
    F("close", close_function, OneArg),
    F("htons", htons_function, OneArg),
    F("ntohs", ntohs_function, OneArg),
    F("htonl", htonl_function, OneArg),
    F("ntohl", ntohl_function, OneArg),
    F("inet_aton", inet_aton_function, OneArg),
    F("inet_ntoa", inet_ntoa_function, OneArg),
    F("inet_pton", inet_pton_function, Fast),
    F("inet_ntop", inet_ntop_function, Fast),
    {nullptr, nullptr, MethodKind::NoArgs},
};
#undef F

struct IntConstant {
  const char* name;
  long long value;
};

const IntConstant socket_constants[] = {
#include "modules/socket_constants.inc"
};

int init_socket_type() {
  static bool done = false;
  if (done) return 0;
  TypeObject& t = socket_type;
  t.refcount = 1;
  t.Object::flags = ObjectFlag::Immortal;
  t.type = &type_type;
  t.name = "_socket.socket";
  t.qualname = "socket";
  t.base = &object_type;
  t.basic_size = sizeof(SocketObject);
  t.flags = TypeFlag::BaseType;
  t.new_ = socket_new;
  t.init = socket_init;
  t.dealloc = socket_dealloc;
  t.repr = socket_repr;
  add_methods(&t, socket_methods);
  add_getsets(&t, socket_getsets);
  if (type_ready(&t) < 0) return -1;
  done = true;
  return 0;
}

// class NAME(OSError) in module _socket.
Value make_error_class(const char* name) {
  Ref qualified = Ref::steal(str_from_ascii(std::string("socket.") + name));
  Ref bases = Ref::steal(tuple_pack({Value::object(exc::OSError)}));
  Ref ns = Ref::steal(dict_new());
  Ref module = Ref::steal(str_from_ascii("socket"));
  if (!qualified || !bases || !ns || dict_set_item_str(ns.get(), "__module__", module.get()) < 0) return Value();
  Ref plain = Ref::steal(str_from_ascii(name));
  return create_class(&type_type, plain.get(), bases.get(), ns.get(), Value());
}

}  // namespace

Value create_socket_module() {
  if (init_socket_type() < 0) return Value();
  if (!herror_type) {
    herror_type = make_error_class("herror");
    gaierror_type = make_error_class("gaierror");
    if (!herror_type || !gaierror_type) return Value();
    declare_static_root(&herror_type);
    declare_static_root(&gaierror_type);
  }
  Ref module = Ref::steal(module_new("_socket"));
  if (!module) return Value();
  if (module_add_functions(module.get(), socket_functions) < 0) return Value();
  if (module_add(module.get(), "socket", Value::object(&socket_type)) < 0 ||
      module_add(module.get(), "SocketType", Value::object(&socket_type)) < 0 ||
      module_add(module.get(), "error", Value::object(exc::OSError)) < 0 ||
      module_add(module.get(), "timeout", Value::object(exc::TimeoutError)) < 0 ||
      module_add(module.get(), "herror", herror_type) < 0 || module_add(module.get(), "gaierror", gaierror_type) < 0 ||
      module_add(module.get(), "has_ipv6", true_value()) < 0)
    return Value();
  for (const IntConstant& c : socket_constants) {
    Ref value = Ref::steal(int_from_int64(c.value));
    if (!value || module_add(module.get(), c.name, value.get()) < 0) return Value();
  }
  return module.release();
}

}  // namespace krait::modules
