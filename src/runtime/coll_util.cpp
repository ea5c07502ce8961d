// Helpers shared by coll's files.
#include "runtime/coll_util.h"

#include <vector>

#include "runtime/str.h"
#include "runtime/tuple.h"

namespace krait::runtime::coll {

bool check_count(const char* name, size_t nargs, size_t min, size_t max) {
  if (nargs >= min && nargs <= max) return true;
  if (min == max) {
    if (min == 1) {
      raise_format(exc::TypeError, "%s() takes exactly one argument (%zu given)", name, nargs);
    } else {
      raise_format(exc::TypeError, "%s() takes exactly %zu arguments (%zu given)", name, min, nargs);
    }
  } else if (nargs < min) {
    raise_format(exc::TypeError, "%s() takes at least %zu argument%s (%zu given)", name, min,
                 min == 1 ? "" : "s", nargs);
  } else {
    raise_format(exc::TypeError, "%s() takes at most %zu argument%s (%zu given)", name, max,
                 max == 1 ? "" : "s", nargs);
  }
  return false;
}

bool check_unpack(const char* name, size_t nargs, size_t min, size_t max) {
  if (nargs >= min && nargs <= max) return true;
  if (nargs < min) {
    raise_format(exc::TypeError, "%s expected %s%zu argument%s, got %zu", name, min == max ? "" : "at least ",
                 min, min == 1 ? "" : "s", nargs);
  } else {
    raise_format(exc::TypeError, "%s expected %s%zu argument%s, got %zu", name, min == max ? "" : "at most ",
                 max, max == 1 ? "" : "s", nargs);
  }
  return false;
}

bool check_no_kwargs(const char* name, Value kwnames) {
  if (kwnames.is_null() || tuple_size(kwnames) == 0) return true;
  raise_format(exc::TypeError, "%s() takes no keyword arguments", name);
  return false;
}

bool parse_args(const char* fname, const Value* args, size_t nargs, Value kwnames,
                const char* const* params, size_t nparams, size_t min_positional,
                size_t max_positional, Value* out) {
  for (size_t i = 0; i < nparams; ++i) out[i] = Value();
  size_t nkw = kwnames.is_null() ? 0 : tuple_size(kwnames);
  if (nargs > max_positional) {
    if (nkw == 0 && max_positional == nparams) {
      return check_count(fname, nargs, min_positional, max_positional);
    }
    raise_format(exc::TypeError, "%s() takes at most %zu positional argument%s (%zu given)", fname,
                 max_positional, max_positional == 1 ? "" : "s", nargs);
    return false;
  }
  for (size_t i = 0; i < nargs; ++i) out[i] = args[i];
  for (size_t k = 0; k < nkw; ++k) {
    Value name = tuple_get(kwnames, k);
    size_t i = 0;
    while (i < nparams && !str_equal_ascii(name, params[i])) ++i;
    if (i == nparams) {
      raise_format(exc::TypeError, "'%s' is an invalid keyword argument for %s()", str_cstr(name), fname);
      return false;
    }
    if (!out[i].is_null()) {
      raise_format(exc::TypeError, "%s() got multiple values for argument '%s'", fname, params[i]);
      return false;
    }
    out[i] = args[nargs + k];
  }
  for (size_t i = 0; i < min_positional; ++i) {
    if (out[i].is_null()) {
      if (nkw == 0) return check_count(fname, nargs, min_positional, nparams);
      raise_format(exc::TypeError, "%s() missing required argument '%s' (pos %zu)", fname, params[i], i + 1);
      return false;
    }
  }
  return true;
}

bool slice_index(Value v, int64_t* out) {
  if (v.is_null() || v.is(none())) return true;
  if (v.is_small_int()) {
    *out = v.as_small_int();
    return true;
  }
  if (!is_int(v)) {
    if (type_of(v)->number.index == nullptr) {
      raise(exc::TypeError, "slice indices must be integers or None or have an __index__ method");
      return false;
    }
  }
  Ref index = Ref::steal(number_index(v));
  if (!index) return false;
  int64_t x;
  if (!int_to_int64(index.get(), &x)) x = int_sign(index.get()) < 0 ? INT64_MIN : INT64_MAX;
  *out = x;
  return true;
}

bool index_arg(Value v, int64_t* out) {
  if (v.is_small_int()) {
    *out = v.as_small_int();
    return true;
  }
  int64_t x = as_ssize(v);
  if (x == -1 && error_occurred()) return false;
  *out = x;
  return true;
}

bool ssize_arg(Value v, int64_t* out) {
  if (v.is_small_int()) {
    *out = v.as_small_int();
    return true;
  }
  Ref i = Ref::steal(number_index(v));
  if (!i) return false;
  if (!int_to_int64(i.get(), out)) {
    raise(exc::OverflowError, "Python int too large to convert to C ssize_t");
    return false;
  }
  return true;
}

void adjust_range(int64_t length, int64_t* start, int64_t* end) {
  if (*end > length) {
    *end = length;
  } else if (*end < 0) {
    *end += length;
    if (*end < 0) *end = 0;
  }
  if (*start < 0) {
    *start += length;
    if (*start < 0) *start = 0;
  }
}

namespace {
std::vector<Object*>& repr_stack() {
  static std::vector<Object*> stack;
  return stack;
}
}  // namespace

int repr_enter(Object* object) {
  auto& stack = repr_stack();
  for (Object* o : stack) {
    if (o == object) return 1;
  }
  stack.push_back(object);
  return 0;
}

void repr_leave(Object* object) {
  auto& stack = repr_stack();
  for (size_t i = stack.size(); i-- > 0;) {
    if (stack[i] == object) {
      stack.erase(stack.begin() + static_cast<ptrdiff_t>(i));
      return;
    }
  }
}

void init_static_type(TypeObject& type, const char* name, size_t basic_size, uint64_t type_flags) {
  type.refcount = 1;
  type.Object::flags = ObjectFlag::Immortal;
  type.type = &type_type;
  type.name = name;
  type.qualname = name;
  type.base = &object_type;
  type.basic_size = basic_size;
  type.flags = type_flags;
}

}  // namespace krait::runtime::coll
