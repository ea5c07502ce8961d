// The `select` module on Linux: select(), poll objects and epoll objects, with CPython's
// argument conversions and messages (selectors.py, subprocess.py and asyncio build on it).
// krait has no signal handlers yet, so a wait interrupted by a signal (EINTR) is simply resumed
// with the time left, as CPython does when no handler raises (PEP 475).
#include <poll.h>
#include <sys/epoll.h>
#include <sys/select.h>
#include <unistd.h>

#include <cerrno>
#include <climits>
#include <cmath>
#include <ctime>
#include <vector>

#include "modules/modules.h"
#include "modules/posix/posix_internal.h"
#include "runtime/abstract.h"
#include "runtime/core_internal.h"
#include "runtime/dict.h"
#include "runtime/errors.h"
#include "runtime/float.h"
#include "runtime/int.h"
#include "runtime/list.h"
#include "runtime/memory.h"
#include "runtime/module.h"
#include "runtime/number_util.h"
#include "runtime/str.h"
#include "runtime/tuple.h"

namespace krait::modules {

using namespace runtime;

namespace {

// --- conversions ---------------------------------------------------------------------------------

// PyObject_AsFileDescriptor: an int, or an object whose fileno() returns one. -1 + error.
int as_file_descriptor(Value v) {
  Ref number;
  if (is_int(v)) {
    number = Ref::borrow(v);
  } else {
    Ref method = Ref::steal(lookup_attr(v, str_intern("fileno")));
    if (!method) {
      if (!error_occurred()) raise(exc::TypeError, "argument must be an int, or have a fileno() method.");
      return -1;
    }
    number = Ref::steal(call_no_args(method.get()));
    if (!number) return -1;
    if (!is_int(number.get())) {
      raise(exc::TypeError, "fileno() returned a non-integer");
      return -1;
    }
  }
  int64_t fd;
  if (!int_to_int64(number.get(), &fd) || fd > INT_MAX || fd < INT_MIN) {
    raise(exc::OverflowError, "Python int too large to convert to C int");
    return -1;
  }
  if (fd < 0) {
    raise_format(exc::ValueError, "file descriptor cannot be a negative integer (%d)", int(fd));
    return -1;
  }
  return int(fd);
}

// _PyTime_FromSecondsObject / _PyTime_FromMillisecondsObject with rounding away from zero
// (CPython's timeout rounding): nanoseconds. `unit` is 1e9 for seconds, 1e6 for milliseconds.
// False + error; a TypeError is reworded by the caller.
bool timeout_ns(Value v, double unit, int64_t* out) {
  if (is_float(v)) {
    double d = float_value(v);
    if (std::isnan(d)) {
      raise(exc::ValueError, "Invalid value NaN (not a number)");
      return false;
    }
    double ns = d * unit;
    ns = ns >= 0 ? std::ceil(ns) : std::floor(ns);
    if (!(ns >= -9.2233720368547758e18 && ns < 9.2233720368547758e18)) {
      raise(exc::OverflowError, "timestamp too large to convert to C _PyTime_t");
      return false;
    }
    *out = int64_t(ns);
    return true;
  }
  Ref index = Ref::steal(number_index(v));
  if (!index) return false;
  int64_t n;
  if (!int_to_int64(index.get(), &n) || __builtin_mul_overflow(n, int64_t(unit), out)) {
    raise(exc::OverflowError, "timestamp too large to convert to C _PyTime_t");
    return false;
  }
  return true;
}

// A timeout argument: None -> -1 (wait forever), else nanoseconds; TypeError says `type_message`.
bool timeout_arg(Value v, double unit, const char* type_message, int64_t* out) {
  if (!v || v.is(none())) {
    *out = -1;
    return true;
  }
  if (timeout_ns(v, unit, out)) return true;
  if (error_matches(exc::TypeError)) raise(exc::TypeError, type_message);
  return false;
}

// Nanoseconds to milliseconds rounded up, as an int for poll()/epoll_wait(); negative: -1.
bool ns_to_ms(int64_t ns, int* out) {
  if (ns < 0) {
    *out = -1;
    return true;
  }
  int64_t ms = ns / 1000000 + (ns % 1000000 != 0);
  if (ms > INT_MAX) {
    raise(exc::OverflowError, "timeout is too large");
    return false;
  }
  *out = int(ms);
  return true;
}

int64_t monotonic_ns() {
  timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return int64_t(ts.tv_sec) * 1000000000 + ts.tv_nsec;
}

// An unsigned event mask (unsigned short for poll, unsigned int for epoll).
bool mask_arg(Value v, uint64_t max, const char* c_type, uint32_t* out) {
  if (!is_int(v)) {
    raise(exc::TypeError, "an integer is required");
    return false;
  }
  int64_t n;
  bool fits = int_to_int64(v, &n);
  if (fits && n < 0) {
    raise(exc::ValueError, "value must be positive");
    return false;
  }
  if (!fits || uint64_t(n) > max) {
    raise_format(exc::OverflowError, "Python int too large for C %s", c_type);
    return false;
  }
  *out = uint32_t(n);
  return true;
}

Value fd_event_pair(int fd, uint32_t events) {
  Ref a = Ref::steal(int_from_int64(fd));
  Ref b = Ref::steal(int_from_int64(events));
  return tuple_pack({a.get(), b.get()});
}

// --- select.select -------------------------------------------------------------------------------

struct Watched {
  Ref object;
  int fd;
};

// One of select()'s three iterables: its objects and their descriptors, and the set to wait on.
bool collect_fds(Value iterable, std::vector<Watched>* out, fd_set* set, int* max_fd) {
  Ref iterator = Ref::steal(get_iter(iterable));
  if (!iterator) {
    if (error_matches(exc::TypeError)) raise(exc::TypeError, "arguments 1-3 must be sequences");
    return false;
  }
  Ref items = Ref::steal(list_from_iterable(iterator.get()));
  if (!items) return false;
  for (size_t i = 0; i < list_size(items.get()); ++i) {
    Value item = list_get(items.get(), i);
    int fd = as_file_descriptor(item);
    if (fd < 0) return false;
    if (fd >= FD_SETSIZE) {
      raise(exc::ValueError, "filedescriptor out of range in select()");
      return false;
    }
    FD_SET(fd, set);
    if (fd > *max_fd) *max_fd = fd;
    out->push_back({Ref::borrow(item), fd});
  }
  return true;
}

Value ready_list(const std::vector<Watched>& watched, const fd_set* set) {
  Ref list = Ref::steal(list_new(0));
  if (!list) return Value();
  for (const Watched& w : watched)
    if (FD_ISSET(w.fd, set) && list_append(list.get(), w.object.get()) < 0) return Value();
  return list.release();
}

Value select_function(Value, const Value* args, size_t nargs, Value kwnames) {
  if (kwnames && tuple_size(kwnames)) return raise(exc::TypeError, "select.select() takes no keyword arguments");
  if (nargs < 3) return raise_format(exc::TypeError, "select expected at least 3 arguments, got %zu", nargs);
  if (nargs > 4) return raise_format(exc::TypeError, "select expected at most 4 arguments, got %zu", nargs);
  int64_t timeout;
  if (!timeout_arg(nargs == 4 ? args[3] : Value(), 1e9, "timeout must be a float or None", &timeout))
    return Value();
  if (nargs == 4 && !args[3].is(none()) && timeout < 0) return raise(exc::ValueError, "timeout must be non-negative");
  std::vector<Watched> watched[3];
  fd_set sets[3];
  int max_fd = -1;
  for (int k = 0; k < 3; ++k) {
    FD_ZERO(&sets[k]);
    if (!collect_fds(args[k], &watched[k], &sets[k], &max_fd)) return Value();
  }
  int64_t deadline = timeout >= 0 ? monotonic_ns() + timeout : 0;
  fd_set ready[3];
  for (;;) {
    for (int k = 0; k < 3; ++k) ready[k] = sets[k];
    timeval tv, *tvp = nullptr;
    if (timeout >= 0) {
      tv.tv_sec = time_t(timeout / 1000000000);
      tv.tv_usec = suseconds_t((timeout % 1000000000 + 999) / 1000);  // rounded up
      if (tv.tv_usec >= 1000000) {
        tv.tv_sec += 1;
        tv.tv_usec -= 1000000;
      }
      tvp = &tv;
    }
    int n = select(max_fd + 1, &ready[0], &ready[1], &ready[2], tvp);
    if (n >= 0) break;
    if (errno != EINTR) return posix::raise_errno(errno);
    if (timeout >= 0) {
      timeout = deadline - monotonic_ns();
      if (timeout < 0) timeout = 0;
    }
  }
  Ref r = Ref::steal(ready_list(watched[0], &ready[0]));
  Ref w = Ref::steal(ready_list(watched[1], &ready[1]));
  Ref x = Ref::steal(ready_list(watched[2], &ready[2]));
  if (!r || !w || !x) return Value();
  return tuple_pack({r.get(), w.get(), x.get()});
}

// --- poll objects --------------------------------------------------------------------------------

TypeObject poll_type;

struct PollObject : Object {
  Value fds;  // dict: fd -> event mask (registration order is poll()'s order)
};

PollObject* as_poll(Value v) { return static_cast<PollObject*>(v.as_object()); }

void poll_dealloc(Object* self) {
  gc_untrack(self);
  Value fds = static_cast<PollObject*>(self)->fds;
  static_cast<PollObject*>(self)->fds = Value();
  decref(fds);
  free_object(self);
}

void poll_traverse(Object* self, VisitFunc visit, void* context) {
  if (Value fds = static_cast<PollObject*>(self)->fds) visit(fds, context);
}

Value poll_register(Value self, const Value* args, size_t nargs, Value kwnames) {
  if (kwnames && tuple_size(kwnames)) return raise(exc::TypeError, "poll.register() takes no keyword arguments");
  if (!posix::check_positional("register", nargs, Value(), 1, 2)) return Value();
  int fd = as_file_descriptor(args[0]);
  if (fd < 0) return Value();
  uint32_t mask = POLLIN | POLLPRI | POLLOUT;
  if (nargs == 2 && !mask_arg(args[1], 0xFFFF, "unsigned short", &mask)) return Value();
  Ref key = Ref::steal(int_from_int64(fd));
  Ref value = Ref::steal(int_from_int64(mask));
  if (dict_set_item(as_poll(self)->fds, key.get(), value.get()) < 0) return Value();
  return new_ref(none());
}

Value poll_modify(Value self, const Value* args, size_t nargs, Value kwnames) {
  if (kwnames && tuple_size(kwnames)) return raise(exc::TypeError, "poll.modify() takes no keyword arguments");
  if (!posix::check_positional("modify", nargs, Value(), 2, 2)) return Value();
  int fd = as_file_descriptor(args[0]);
  if (fd < 0) return Value();
  uint32_t mask;
  if (!mask_arg(args[1], 0xFFFF, "unsigned short", &mask)) return Value();
  Ref key = Ref::steal(int_from_int64(fd));
  if (!dict_get_item(as_poll(self)->fds, key.get())) {
    if (error_occurred()) return Value();
    return posix::raise_errno(ENOENT);
  }
  Ref value = Ref::steal(int_from_int64(mask));
  if (dict_set_item(as_poll(self)->fds, key.get(), value.get()) < 0) return Value();
  return new_ref(none());
}

Value poll_unregister(Value self, Value arg) {
  int fd = as_file_descriptor(arg);
  if (fd < 0) return Value();
  Ref key = Ref::steal(int_from_int64(fd));
  if (dict_del_item(as_poll(self)->fds, key.get()) < 0) return Value();  // KeyError(fd)
  return new_ref(none());
}

// Runs `wait(ms)` (poll or epoll_wait: a count, or -1 with errno) until it is not interrupted
// by a signal, shortening the millisecond timeout to what is left of `timeout_ns` (-1: none).
// The count, or -1 with the OSError / OverflowError set.
template <class Wait>
int wait_resuming(int64_t timeout_ns, int ms, Wait wait) {
  int64_t deadline = timeout_ns >= 0 ? monotonic_ns() + timeout_ns : 0;
  for (;;) {
    int n = wait(ms);
    if (n >= 0) return n;
    if (errno != EINTR) return posix::raise_errno(errno), -1;
    if (timeout_ns >= 0) {
      int64_t left = deadline - monotonic_ns();
      if (!ns_to_ms(left < 0 ? 0 : left, &ms)) return -1;
    }
  }
}

Value poll_poll(Value self, const Value* args, size_t nargs, Value kwnames) {
  if (kwnames && tuple_size(kwnames)) return raise(exc::TypeError, "poll.poll() takes no keyword arguments");
  if (!posix::check_positional("poll", nargs, Value(), 0, 1)) return Value();
  int64_t timeout;
  if (!timeout_arg(nargs ? args[0] : Value(), 1e6, "timeout must be an integer or None", &timeout)) return Value();
  int ms;
  if (!ns_to_ms(timeout, &ms)) return Value();
  std::vector<pollfd> fds;
  size_t pos = 0;
  Value key, value;
  while (dict_next(as_poll(self)->fds, &pos, &key, &value)) {
    int64_t fd = 0, mask = 0;
    int_to_int64(key, &fd);
    int_to_int64(value, &mask);
    fds.push_back({int(fd), short(mask), 0});
  }
  int n = wait_resuming(timeout, ms, [&](int wait_ms) { return poll(fds.data(), fds.size(), wait_ms); });
  if (n < 0) return Value();
  Ref result = Ref::steal(list_new(0));
  if (!result) return Value();
  for (const pollfd& p : fds) {
    if (!p.revents) continue;
    Ref pair = Ref::steal(fd_event_pair(p.fd, uint16_t(p.revents)));
    if (!pair || list_append(result.get(), pair.get()) < 0) return Value();
  }
  return result.release();
}

Value poll_function(Value) {
  auto* p = static_cast<PollObject*>(allocate_object(&poll_type, sizeof(PollObject)));
  if (!p) return Value();
  p->fds = dict_new();
  if (!p->fds) {
    decref(Value::object(p));
    return Value();
  }
  gc_track(p);
  return Value::object(p);
}

const MethodDef poll_methods[] = {
    {"register", reinterpret_cast<void*>(poll_register), MethodKind::FastKeywords},
    {"modify", reinterpret_cast<void*>(poll_modify), MethodKind::FastKeywords},
    {"unregister", reinterpret_cast<void*>(poll_unregister), MethodKind::OneArg},
    {"poll", reinterpret_cast<void*>(poll_poll), MethodKind::FastKeywords},
    {nullptr, nullptr, MethodKind::NoArgs},
};

// --- epoll objects -------------------------------------------------------------------------------

TypeObject epoll_type;

struct EpollObject : Object {
  int fd;  // -1 once closed
};

EpollObject* as_epoll(Value v) { return static_cast<EpollObject*>(v.as_object()); }

Value new_epoll(TypeObject* type, int fd) {
  auto* e = static_cast<EpollObject*>(allocate_object(type, sizeof(EpollObject)));
  if (!e) {
    close(fd);
    return Value();
  }
  e->fd = fd;
  return Value::object(e);
}

void epoll_dealloc(Object* self) {
  auto* e = static_cast<EpollObject*>(self);
  if (e->fd >= 0) close(e->fd);
  e->fd = -1;
  free_object(self);
}

bool check_open(Value self) {
  if (as_epoll(self)->fd >= 0) return true;
  raise(exc::ValueError, "I/O operation on closed epoll object");
  return false;
}

Value epoll_new(TypeObject* type, const Value* args, size_t nargs, Value kwnames) {
  Value a[2];
  if (!posix::parse_clinic("epoll", args, nargs, kwnames, {"sizehint", "flags"}, 0, 0, 2, a)) return Value();
  int sizehint = -1, flags = 0;
  if (a[0] && !posix::int_arg(a[0], &sizehint)) return Value();
  if (a[1] && !posix::int_arg(a[1], &flags)) return Value();
  if (sizehint == -1) {
    sizehint = FD_SETSIZE - 1;
  } else if (sizehint <= 0) {
    return raise(exc::ValueError, "negative sizehint");
  }
  if (flags && flags != EPOLL_CLOEXEC) return raise(exc::OSError, "invalid flags");
  int fd = epoll_create1(EPOLL_CLOEXEC);
  if (fd < 0) return posix::raise_errno(errno);
  return new_epoll(type, fd);
}

Value epoll_close(Value self) {
  EpollObject* e = as_epoll(self);
  if (e->fd >= 0) {
    int fd = e->fd;
    e->fd = -1;
    if (close(fd) < 0) return posix::raise_errno(errno);
  }
  return new_ref(none());
}

Value epoll_closed(Value self) { return new_ref(bool_value(as_epoll(self)->fd < 0)); }

Value epoll_fileno(Value self) {
  if (!check_open(self)) return Value();
  return int_from_int64(as_epoll(self)->fd);
}

Value epoll_fromfd(Value cls, Value arg) {
  int fd;
  if (!posix::int_arg(arg, &fd)) return Value();
  return new_epoll(static_cast<TypeObject*>(cls.as_object()), fd);
}

Value epoll_control(Value self, int op, Value fd_object, Value mask_object) {
  if (!check_open(self)) return Value();
  int fd = as_file_descriptor(fd_object);
  if (fd < 0) return Value();
  uint32_t mask = EPOLLIN | EPOLLPRI | EPOLLOUT;
  if (mask_object) {
    // CPython's unsigned_int(bitwise=True): any int, its low 32 bits.
    Ref index = Ref::steal(number_index(mask_object));
    if (!index) return Value();
    Ref low = Ref::steal(binary_op(index.get(), int_from_int64(0xFFFFFFFF), BinaryOp::And));
    int64_t m;
    if (!low || !int_to_int64(low.get(), &m)) return Value();
    mask = uint32_t(m);
  }
  epoll_event ev{};
  ev.events = mask;
  ev.data.fd = fd;
  if (epoll_ctl(as_epoll(self)->fd, op, fd, op == EPOLL_CTL_DEL ? nullptr : &ev) < 0) return posix::raise_errno(errno);
  return new_ref(none());
}

Value epoll_register(Value self, const Value* args, size_t nargs, Value kwnames) {
  Value a[2];
  if (!posix::parse_clinic("register", args, nargs, kwnames, {"fd", "eventmask"}, 0, 1, 2, a)) return Value();
  return epoll_control(self, EPOLL_CTL_ADD, a[0], a[1]);
}

Value epoll_modify(Value self, const Value* args, size_t nargs, Value kwnames) {
  Value a[2];
  if (!posix::parse_clinic("modify", args, nargs, kwnames, {"fd", "eventmask"}, 0, 2, 2, a)) return Value();
  return epoll_control(self, EPOLL_CTL_MOD, a[0], a[1]);
}

Value epoll_unregister(Value self, const Value* args, size_t nargs, Value kwnames) {
  Value a[1];
  if (!posix::parse_clinic("unregister", args, nargs, kwnames, {"fd"}, 0, 1, 1, a)) return Value();
  return epoll_control(self, EPOLL_CTL_DEL, a[0], Value());
}

Value epoll_poll(Value self, const Value* args, size_t nargs, Value kwnames) {
  Value a[2];
  if (!posix::parse_clinic("poll", args, nargs, kwnames, {"timeout", "maxevents"}, 0, 0, 2, a)) return Value();
  if (!check_open(self)) return Value();
  int64_t timeout;
  if (!timeout_arg(a[0], 1e9, "timeout must be an integer or None", &timeout)) return Value();
  int ms;
  if (!ns_to_ms(timeout, &ms)) return Value();
  int maxevents = -1;
  if (a[1] && !posix::int_arg(a[1], &maxevents)) return Value();
  if (maxevents == -1) {
    maxevents = FD_SETSIZE - 1;
  } else if (maxevents < 1) {
    return raise_format(exc::ValueError, "maxevents must be greater than 0, got %d", maxevents);
  }
  std::vector<epoll_event> events(static_cast<size_t>(maxevents));
  int epfd = as_epoll(self)->fd;
  int n = wait_resuming(timeout, ms, [&](int wait_ms) { return epoll_wait(epfd, events.data(), maxevents, wait_ms); });
  if (n < 0) return Value();
  Ref result = Ref::steal(list_new(0));
  if (!result) return Value();
  for (int i = 0; i < n; ++i) {
    Ref pair = Ref::steal(fd_event_pair(events[i].data.fd, events[i].events));
    if (!pair || list_append(result.get(), pair.get()) < 0) return Value();
  }
  return result.release();
}

Value epoll_enter(Value self) {
  if (!check_open(self)) return Value();
  return new_ref(self);
}

Value epoll_exit(Value self, const Value*, size_t) { return epoll_close(self); }

const MethodDef epoll_methods[] = {
    {"close", reinterpret_cast<void*>(epoll_close), MethodKind::NoArgs},
    {"fileno", reinterpret_cast<void*>(epoll_fileno), MethodKind::NoArgs},
    {"fromfd", reinterpret_cast<void*>(epoll_fromfd), MethodKind::OneArg, true},
    {"register", reinterpret_cast<void*>(epoll_register), MethodKind::FastKeywords},
    {"modify", reinterpret_cast<void*>(epoll_modify), MethodKind::FastKeywords},
    {"unregister", reinterpret_cast<void*>(epoll_unregister), MethodKind::FastKeywords},
    {"poll", reinterpret_cast<void*>(epoll_poll), MethodKind::FastKeywords},
    {"__enter__", reinterpret_cast<void*>(epoll_enter), MethodKind::NoArgs},
    {"__exit__", reinterpret_cast<void*>(epoll_exit), MethodKind::Fast},
    {nullptr, nullptr, MethodKind::NoArgs},
};

const GetSetDef epoll_getsets[] = {
    {"closed", epoll_closed, nullptr, "True if the epoll handler is closed"},
    {nullptr, nullptr},
};

int init_select_types() {
  static bool done = false;
  if (done) return 0;
  init_static_type(&poll_type, "select.poll", &object_type, sizeof(PollObject));
  poll_type.flags = TypeFlag::HaveGc;
  poll_type.dealloc = poll_dealloc;
  poll_type.traverse = poll_traverse;
  add_methods(&poll_type, poll_methods);
  init_static_type(&epoll_type, "select.epoll", &object_type, sizeof(EpollObject));
  epoll_type.flags = 0;  // not subclassable (CPython's is: a difference kept as it was)
  epoll_type.new_ = epoll_new;
  epoll_type.dealloc = epoll_dealloc;
  add_methods(&epoll_type, epoll_methods);
  add_getsets(&epoll_type, epoll_getsets);
  if (type_ready(&poll_type) < 0 || type_ready(&epoll_type) < 0) return -1;
  done = true;
  return 0;
}

const MethodDef select_functions[] = {
    {"select", reinterpret_cast<void*>(select_function), MethodKind::FastKeywords},
    {"poll", reinterpret_cast<void*>(poll_function), MethodKind::NoArgs},
    {nullptr, nullptr, MethodKind::NoArgs},
};

struct IntConstant {
  const char* name;
  long value;
};

const IntConstant select_constants[] = {
    {"PIPE_BUF", PIPE_BUF},
    {"POLLIN", POLLIN}, {"POLLPRI", POLLPRI}, {"POLLOUT", POLLOUT}, {"POLLERR", POLLERR},
    {"POLLHUP", POLLHUP}, {"POLLNVAL", POLLNVAL}, {"POLLRDNORM", POLLRDNORM}, {"POLLRDBAND", POLLRDBAND},
    {"POLLWRNORM", POLLWRNORM}, {"POLLWRBAND", POLLWRBAND}, {"POLLMSG", POLLMSG}, {"POLLRDHUP", POLLRDHUP},
    {"EPOLLIN", EPOLLIN}, {"EPOLLOUT", EPOLLOUT}, {"EPOLLPRI", EPOLLPRI}, {"EPOLLERR", EPOLLERR},
    {"EPOLLHUP", EPOLLHUP}, {"EPOLLET", long(EPOLLET)}, {"EPOLLONESHOT", EPOLLONESHOT},
    {"EPOLLEXCLUSIVE", EPOLLEXCLUSIVE}, {"EPOLLRDHUP", EPOLLRDHUP}, {"EPOLLRDNORM", EPOLLRDNORM},
    {"EPOLLRDBAND", EPOLLRDBAND}, {"EPOLLWRNORM", EPOLLWRNORM}, {"EPOLLWRBAND", EPOLLWRBAND},
    {"EPOLLMSG", EPOLLMSG}, {"EPOLL_CLOEXEC", EPOLL_CLOEXEC},
};

}  // namespace

Value create_select_module() {
  if (init_select_types() < 0) return Value();
  Ref module = Ref::steal(module_new("select"));
  if (!module) return Value();
  if (module_add_functions(module.get(), select_functions) < 0) return Value();
  if (module_add(module.get(), "error", Value::object(exc::OSError)) < 0 ||
      module_add(module.get(), "epoll", Value::object(&epoll_type)) < 0)
    return Value();
  for (const IntConstant& c : select_constants) {
    Ref value = Ref::steal(int_from_int64(c.value));
    if (!value || module_add(module.get(), c.name, value.get()) < 0) return Value();
  }
  return module.release();
}

}  // namespace krait::modules
