// The `_thread` module: locks, reentrant locks and thread identity. krait runs one thread: a
// lock is a flag, and starting a thread raises NotImplementedError. A blocking acquire of a lock
// that only another thread could release would hang forever; krait raises RuntimeError instead.
#include <pthread.h>
#include <unistd.h>

#include <cinttypes>
#include <cmath>
#include <thread>

#include "modules/modules.h"
#include "runtime/args.h"
#include "runtime/builtin_types.h"
#include "runtime/coll_util.h"
#include "runtime/errors.h"
#include "runtime/float.h"
#include "runtime/int.h"
#include "runtime/memory.h"
#include "runtime/module.h"
#include "runtime/str.h"
#include "runtime/tuple.h"
#include "runtime/abstract.h"

namespace krait::modules {

using namespace runtime;

namespace {

TypeObject lock_type, rlock_type;

struct LockObject : Object {
  bool locked;
};

struct RLockObject : Object {
  uint64_t owner;  // thread ident of the holder (0: free)
  uint64_t count;
};

uint64_t current_ident() { return static_cast<uint64_t>(pthread_self()); }

// acquire(blocking=True, timeout=-1): the timeout in seconds (-1: forever); false + error.
bool acquire_arguments(const Value* args, size_t nargs, Value kwnames, double* timeout) {
  Value a[2];
  if (!bind_args({"acquire", {"blocking", "timeout"}}, args, nargs, kwnames, a)) return false;
  int blocking = a[0] ? is_true(a[0]) : 1;
  if (blocking < 0) return false;
  *timeout = -1;
  if (a[1] && !as_double(a[1], timeout)) return false;
  if (!blocking && *timeout != -1) {
    raise(exc::ValueError, "can't specify a timeout for a non-blocking call");
    return false;
  }
  if (*timeout < 0 && *timeout != -1) {
    raise(exc::ValueError, "timeout value must be a non-negative number");
    return false;
  }
  if (!blocking) *timeout = 0;
  return true;
}

// Waiting for a lock nobody else can release: false after the timeout, an error if forever.
Value wait_for_release(double timeout) {
  if (timeout < 0)
    return raise(exc::RuntimeError, "deadlock: the lock is held and krait has no other thread to release it");
  if (timeout > 0) std::this_thread::sleep_for(std::chrono::duration<double>(timeout));
  return false_value();
}

Value lock_acquire(Value self, const Value* args, size_t nargs, Value kwnames) {
  double timeout;
  if (!acquire_arguments(args, nargs, kwnames, &timeout)) return Value();
  auto* lock = static_cast<LockObject*>(self.as_object());
  if (!lock->locked) {
    lock->locked = true;
    return true_value();
  }
  return wait_for_release(timeout);
}

Value lock_enter(Value self) {
  return lock_acquire(self, nullptr, 0, Value());
}

Value lock_release(Value self) {
  auto* lock = static_cast<LockObject*>(self.as_object());
  if (!lock->locked) return raise(exc::RuntimeError, "release unlocked lock");
  lock->locked = false;
  return none();
}

Value lock_exit(Value self, const Value*, size_t) { return lock_release(self); }

Value lock_locked(Value self) { return bool_value(static_cast<LockObject*>(self.as_object())->locked); }

Value lock_at_fork_reinit(Value self) {
  static_cast<LockObject*>(self.as_object())->locked = false;
  return none();
}

Value lock_repr(Value self) {
  auto* lock = static_cast<LockObject*>(self.as_object());
  return str_from_format("<%s %s object at 0x%" PRIxPTR ">", lock->locked ? "locked" : "unlocked",
                         type_name(lock->type), reinterpret_cast<uintptr_t>(lock));
}

Value new_lock() {
  auto* lock = new_object<LockObject>(&lock_type);
  if (!lock) return Value();
  lock->locked = false;
  return Value::object(lock);
}

Value lock_new(TypeObject*, const Value*, size_t nargs, Value kwnames) {
  if (nargs || (kwnames && tuple_size(kwnames))) return raise(exc::TypeError, "lock() takes no arguments");
  return new_lock();
}

const MethodDef kLockMethods[] = {
    {"acquire", (void*)lock_acquire, MethodKind::FastKeywords},
    {"acquire_lock", (void*)lock_acquire, MethodKind::FastKeywords},
    {"release", (void*)lock_release, MethodKind::NoArgs},
    {"release_lock", (void*)lock_release, MethodKind::NoArgs},
    {"locked", (void*)lock_locked, MethodKind::NoArgs},
    {"locked_lock", (void*)lock_locked, MethodKind::NoArgs},
    {"__enter__", (void*)lock_enter, MethodKind::NoArgs},
    {"__exit__", (void*)lock_exit, MethodKind::Fast},
    {"_at_fork_reinit", (void*)lock_at_fork_reinit, MethodKind::NoArgs},
    {nullptr, nullptr, MethodKind::NoArgs},
};

// --- RLock ---------------------------------------------------------------------------------------

RLockObject* as_rlock(Value v) { return static_cast<RLockObject*>(v.as_object()); }

Value rlock_acquire(Value self, const Value* args, size_t nargs, Value kwnames) {
  double timeout;
  if (!acquire_arguments(args, nargs, kwnames, &timeout)) return Value();
  RLockObject* r = as_rlock(self);
  uint64_t me = current_ident();
  if (r->count == 0 || r->owner == me) {
    r->owner = me;
    ++r->count;
    return true_value();
  }
  return wait_for_release(timeout);
}

Value rlock_enter(Value self) { return rlock_acquire(self, nullptr, 0, Value()); }

Value rlock_release(Value self) {
  RLockObject* r = as_rlock(self);
  if (r->count == 0 || r->owner != current_ident()) return raise(exc::RuntimeError, "cannot release un-acquired lock");
  if (--r->count == 0) r->owner = 0;
  return none();
}

Value rlock_exit(Value self, const Value*, size_t) { return rlock_release(self); }

Value rlock_is_owned(Value self) {
  RLockObject* r = as_rlock(self);
  return bool_value(r->count > 0 && r->owner == current_ident());
}

// threading.Condition's helpers: release completely, returning (count, owner); restore it.
Value rlock_release_save(Value self) {
  RLockObject* r = as_rlock(self);
  if (r->count == 0) return raise(exc::RuntimeError, "cannot release un-acquired lock");
  Ref count = Ref::steal(int_from_uint64(r->count));
  Ref owner = Ref::steal(int_from_uint64(r->owner));
  r->count = 0;
  r->owner = 0;
  return tuple_pack({count.get(), owner.get()});
}

Value rlock_acquire_restore(Value self, Value state) {
  RLockObject* r = as_rlock(self);
  if (!is_tuple(state) || tuple_size(state) != 2) return raise(exc::TypeError, "_acquire_restore() argument must be a 2-tuple");
  int64_t count = as_ssize(tuple_get(state, 0));
  if (error_occurred()) return Value();
  int64_t owner = 0;
  if (!int_to_int64(tuple_get(state, 1), &owner)) return Value();
  if (r->count != 0) return wait_for_release(-1);
  r->count = static_cast<uint64_t>(count);
  r->owner = static_cast<uint64_t>(owner);
  return none();
}

Value rlock_at_fork_reinit(Value self) {
  as_rlock(self)->count = 0;
  as_rlock(self)->owner = 0;
  return none();
}

Value rlock_repr(Value self) {
  RLockObject* r = as_rlock(self);
  return str_from_format("<%s %s object owner=%" PRIu64 " count=%" PRIu64 " at 0x%" PRIxPTR ">",
                         r->count ? "locked" : "unlocked", type_name(r->type), r->owner, r->count,
                         reinterpret_cast<uintptr_t>(r));
}

Value rlock_new(TypeObject* type, const Value*, size_t, Value) {
  auto* r = new_object<RLockObject>(type);
  if (!r) return Value();
  r->owner = 0;
  r->count = 0;
  return Value::object(r);
}

const MethodDef kRLockMethods[] = {
    {"acquire", (void*)rlock_acquire, MethodKind::FastKeywords},
    {"release", (void*)rlock_release, MethodKind::NoArgs},
    {"__enter__", (void*)rlock_enter, MethodKind::NoArgs},
    {"__exit__", (void*)rlock_exit, MethodKind::Fast},
    {"_is_owned", (void*)rlock_is_owned, MethodKind::NoArgs},
    {"_release_save", (void*)rlock_release_save, MethodKind::NoArgs},
    {"_acquire_restore", (void*)rlock_acquire_restore, MethodKind::OneArg},
    {"_at_fork_reinit", (void*)rlock_at_fork_reinit, MethodKind::NoArgs},
    {nullptr, nullptr, MethodKind::NoArgs},
};

// --- module functions -----------------------------------------------------------------------------

Value thread_allocate_lock(Value) { return new_lock(); }
Value thread_get_ident(Value) { return int_from_uint64(current_ident()); }
Value thread_get_native_id(Value) { return int_from_int64(gettid()); }
Value thread_count(Value) { return int_from_int64(0); }

Value thread_start_new_thread(Value, const Value*, size_t) {
  return raise(exc::NotImplementedError, "not implemented: threads (_thread.start_new_thread); krait runs one thread");
}

Value thread_stack_size(Value, const Value* args, size_t nargs) {
  if (nargs > 1) return raise_format(exc::TypeError, "stack_size expected at most 1 argument, got %zu", nargs);
  if (nargs == 1) {
    int64_t size = as_ssize(args[0]);
    if (error_occurred()) return Value();
    if (size != 0 && size < 32768) return raise(exc::ValueError, "size not valid: 32768 bytes");
  }
  return int_from_int64(0);
}

Value thread_exit(Value) {
  set_exception(Value::object(exc::SystemExit));
  return Value();
}

Value thread_interrupt_main(Value, const Value*, size_t) {
  return raise(exc::NotImplementedError, "not implemented: _thread.interrupt_main");
}

const MethodDef kThreadFunctions[] = {
    {"allocate_lock", (void*)thread_allocate_lock, MethodKind::NoArgs},
    {"allocate", (void*)thread_allocate_lock, MethodKind::NoArgs},
    {"_set_sentinel", (void*)thread_allocate_lock, MethodKind::NoArgs},
    {"get_ident", (void*)thread_get_ident, MethodKind::NoArgs},
    {"get_native_id", (void*)thread_get_native_id, MethodKind::NoArgs},
    {"_count", (void*)thread_count, MethodKind::NoArgs},
    {"start_new_thread", (void*)thread_start_new_thread, MethodKind::Fast},
    {"start_new", (void*)thread_start_new_thread, MethodKind::Fast},
    {"stack_size", (void*)thread_stack_size, MethodKind::Fast},
    {"exit", (void*)thread_exit, MethodKind::NoArgs},
    {"exit_thread", (void*)thread_exit, MethodKind::NoArgs},
    {"interrupt_main", (void*)thread_interrupt_main, MethodKind::Fast},
    {nullptr, nullptr, MethodKind::NoArgs},
};

int ready_type(TypeObject* t, const char* name, const char* qualname, size_t size, const MethodDef* methods,
               UnaryFunc repr, NewFunc new_, uint64_t flags) {
  if (t->flags & TypeFlag::Ready) return 0;
  coll::init_static_type(*t, name, size, flags);
  t->qualname = qualname;
  t->repr = repr;
  t->new_ = new_;
  add_methods(t, methods);
  return type_ready(t);
}

}  // namespace

Value create_thread_module() {
  if (ready_type(&lock_type, "_thread.lock", "lock", sizeof(LockObject), kLockMethods, lock_repr, lock_new, 0) < 0 ||
      ready_type(&rlock_type, "_thread.RLock", "RLock", sizeof(RLockObject), kRLockMethods, rlock_repr, rlock_new, TypeFlag::BaseType) < 0)
    return Value();
  Ref module = Ref::steal(module_new("_thread"));
  if (!module || module_add_functions(module.get(), kThreadFunctions) < 0) return Value();
  Ref timeout_max = Ref::steal(float_from_double(9223372036.0));
  if (module_add(module.get(), "LockType", Value::object(&lock_type)) < 0 ||
      module_add(module.get(), "RLock", Value::object(&rlock_type)) < 0 ||
      module_add(module.get(), "error", Value::object(exc::RuntimeError)) < 0 ||
      module_add(module.get(), "TIMEOUT_MAX", timeout_max.get()) < 0)
    return Value();
  return module.release();
}

}  // namespace krait::modules
