// Argument parsing, path conversion and errno errors for the posix module.
#include <fcntl.h>

#include <cerrno>
#include <climits>
#include <cstring>
#include <string>

#include "modules/posix/posix_internal.h"
#include "runtime/abstract.h"
#include "runtime/bytes.h"
#include "runtime/errors.h"
#include "runtime/exceptions.h"
#include "runtime/int.h"
#include "runtime/str.h"
#include "runtime/tuple.h"

namespace krait::modules::posix {

using namespace runtime;

namespace {

const char* plural(size_t n) { return n == 1 ? "" : "s"; }

// Has an __index__ method (PyIndex_Check); -1 + error.
int has_index(Value v) {
  if (is_int(v)) return 1;
  Ref method = Ref::steal(lookup_special(v, "__index__"));
  if (method) return 1;
  return error_occurred() ? -1 : 0;
}

bool too_large_int(Value v, const char* c_type) {
  (void)v;
  raise_format(exc::OverflowError, "Python int too large to convert to C %s", c_type);
  return false;
}

}  // namespace

bool parse_clinic(const char* fname, const Value* args, size_t nargs, Value kwnames,
                std::initializer_list<const char*> names, size_t posonly, size_t minpos,
                size_t maxpos, Value* out) {
  size_t maxargs = names.size();
  size_t nkw = kwnames ? tuple_size(kwnames) : 0;
  for (size_t i = 0; i < maxargs; ++i) out[i] = Value();
  if (nargs + nkw > maxargs) {
    raise_format(exc::TypeError, "%s() takes at most %zu %sargument%s (%zu given)", fname, maxargs,
                 nargs == 0 ? "keyword " : "", plural(maxargs), nargs + nkw);
    return false;
  }
  if (nargs > maxpos) {
    if (maxpos == 0)
      raise_format(exc::TypeError, "%s() takes no positional arguments", fname);
    else
      raise_format(exc::TypeError, "%s() takes %s %zu positional argument%s (%zu given)", fname,
                   minpos < maxpos ? "at most" : "exactly", maxpos, plural(maxpos), nargs);
    return false;
  }
  if (nargs < posonly && nargs < minpos) {
    size_t need = minpos < posonly ? minpos : posonly;
    raise_format(exc::TypeError, "%s() takes %s %zu positional argument%s (%zu given)", fname,
                 need < maxpos ? "at least" : "exactly", need, plural(need), nargs);
    return false;
  }
  for (size_t i = 0; i < nargs; ++i) out[i] = args[i];
  size_t used = 0;
  for (size_t k = 0; k < nkw; ++k) {
    std::string_view key = str_utf8(tuple_get(kwnames, k));
    size_t index = posonly;
    const char* const* name = names.begin() + posonly;
    for (; index < maxargs; ++index, ++name)
      if (key == *name) break;
    if (index == maxargs) continue;  // reported below, after the missing-argument check
    if (index < nargs) {
      raise_format(exc::TypeError, "argument for %s() given by name ('%s') and position (%zu)", fname,
                   names.begin()[index], index + 1);
      return false;
    }
    out[index] = args[nargs + k];
    ++used;
  }
  for (size_t i = nargs; i < minpos; ++i) {
    if (!out[i]) {
      raise_format(exc::TypeError, "%s() missing required argument '%s' (pos %zu)", fname, names.begin()[i], i + 1);
      return false;
    }
  }
  if (used < nkw) {
    for (size_t k = 0; k < nkw; ++k) {
      std::string_view key = str_utf8(tuple_get(kwnames, k));
      bool known = false;
      for (size_t i = posonly; i < maxargs; ++i)
        if (key == names.begin()[i]) known = true;
      if (!known) {
        std::string text(key);
        raise_format(exc::TypeError, "'%s' is an invalid keyword argument for %s()", text.c_str(), fname);
        return false;
      }
    }
  }
  return true;
}

bool check_positional(const char* fname, size_t nargs, Value kwnames, size_t min, size_t max) {
  std::string qualified = std::string("posix.") + fname;
  // Clinic makes a function of exactly one positional-only parameter METH_O.
  if (min == 1 && max == 1) return check_one_arg(qualified.c_str(), nargs, kwnames);
  if (kwnames && tuple_size(kwnames) > 0) {
    raise_format(exc::TypeError, "%s() takes no keyword arguments", qualified.c_str());
    return false;
  }
  if (nargs < min) {
    raise_format(exc::TypeError, "%s expected %s%zu argument%s, got %zu", fname, min == max ? "" : "at least ",
                 min, plural(min), nargs);
    return false;
  }
  if (nargs > max) {
    raise_format(exc::TypeError, "%s expected %s%zu argument%s, got %zu", fname, min == max ? "" : "at most ",
                 max, plural(max), nargs);
    return false;
  }
  return true;
}

bool check_no_args(const char* qualified_name, size_t nargs, Value kwnames) {
  if (kwnames && tuple_size(kwnames) > 0) {
    raise_format(exc::TypeError, "%s() takes no keyword arguments", qualified_name);
    return false;
  }
  if (nargs != 0) {
    raise_format(exc::TypeError, "%s() takes no arguments (%zu given)", qualified_name, nargs);
    return false;
  }
  return true;
}

bool check_one_arg(const char* qualified_name, size_t nargs, Value kwnames) {
  if (kwnames && tuple_size(kwnames) > 0) {
    raise_format(exc::TypeError, "%s() takes no keyword arguments", qualified_name);
    return false;
  }
  if (nargs != 1) {
    raise_format(exc::TypeError, "%s() takes exactly one argument (%zu given)", qualified_name, nargs);
    return false;
  }
  return true;
}

bool int64_arg(Value v, int64_t* out) {
  Ref index = Ref::steal(number_index(v));
  if (!index) return false;
  if (!int_to_int64(index.get(), out)) return too_large_int(v, "long");
  return true;
}

bool int_arg(Value v, int* out) {
  Ref index = Ref::steal(number_index(v));
  if (!index) return false;
  int64_t x = 0;
  if (!int_to_int64(index.get(), &x) || x > INT_MAX || x < INT_MIN) return too_large_int(v, "int");
  *out = static_cast<int>(x);
  return true;
}

bool id_arg(const char* kind, Value v, uint32_t* out) {
  if (!is_int(v)) {
    int index = has_index(v);
    if (index < 0) return false;
    if (index == 0) {
      raise_format(exc::TypeError, "%s should be integer, not %s", kind, type_name(type_of(v)));
      return false;
    }
  }
  Ref number = Ref::steal(number_index(v));
  if (!number) return false;
  int64_t x = 0;
  if (!int_to_int64(number.get(), &x)) {
    bool negative = int_sign(number.get()) < 0;
    raise_format(exc::OverflowError, "%s is %s", kind, negative ? "less than minimum" : "greater than maximum");
    return false;
  }
  // -1 means "unchanged"; other values must fit the 32-bit id (CPython reports any other
  // misfit as "less than minimum").
  if (x != -1 && (x < 0 || x > UINT32_MAX)) {
    raise_format(exc::OverflowError, "%s is less than minimum", kind);
    return false;
  }
  *out = static_cast<uint32_t>(x);
  return true;
}

bool fd_arg(Value v, int* out) {
  Ref index = Ref::steal(number_index(v));
  if (!index) return false;
  int64_t x = 0;
  bool fits = int_to_int64(index.get(), &x);
  if (!fits || x > INT_MAX || x < INT_MIN) {
    bool negative = int_sign(index.get()) < 0;
    raise(exc::OverflowError, negative ? "fd is less than minimum" : "fd is greater than maximum");
    return false;
  }
  *out = static_cast<int>(x);
  return true;
}

bool dir_fd_arg(Value v, int* out) {
  if (!v || v.is(none())) {
    *out = AT_FDCWD;
    return true;
  }
  int index = has_index(v);
  if (index < 0) return false;
  if (index == 0) {
    raise_format(exc::TypeError, "argument should be integer or None, not %s", type_name(type_of(v)));
    return false;
  }
  return fd_arg(v, out);
}

bool bool_arg(Value v, bool default_value, bool* out) {
  if (!v) {
    *out = default_value;
    return true;
  }
  int truth = is_true(v);
  if (truth < 0) return false;
  *out = truth != 0;
  return true;
}

Value fspath(Value v) {
  if (is_str(v) || is_bytes(v)) {
    incref(v);
    return v;
  }
  Ref method = Ref::steal(lookup_special(v, "__fspath__"));
  if (!method) {
    if (error_occurred()) return Value();
    return raise_format(exc::TypeError, "expected str, bytes or os.PathLike object, not %s", type_name(type_of(v)));
  }
  Ref result = Ref::steal(call_no_args(method.get()));
  if (!result) return Value();
  if (!is_str(result.get()) && !is_bytes(result.get()))
    return raise_format(exc::TypeError, "expected %s.__fspath__() to return str or bytes, not %s",
                        type_name(type_of(v)), type_name(type_of(result.get())));
  return result.release();
}

bool convert_path(Value v, PathArg* out) {
  if (out->nullable && v.is(none())) {
    out->object = Ref::borrow(none());
    out->path = ".";
    return true;
  }
  int is_index = out->allow_fd && !is_str(v) && !is_bytes(v) ? has_index(v) : 0;
  if (is_index < 0) return false;
  if (is_index) {
    if (!fd_arg(v, &out->fd)) return false;
    out->is_fd = true;
    out->object = Ref::borrow(v);
    return true;
  }
  Ref path;
  if (is_str(v) || is_bytes(v) || is_bytearray(v)) {
    path = Ref::borrow(v);
  } else {
    Ref method = Ref::steal(lookup_special(v, "__fspath__"));
    if (!method) {
      if (error_occurred()) return false;
      const char* kinds = out->allow_fd ? (out->nullable ? "string, bytes, os.PathLike, integer or None"
                                                         : "string, bytes, os.PathLike or integer")
                                        : (out->nullable ? "string, bytes, os.PathLike or None"
                                                         : "string, bytes or os.PathLike");
      raise_format(exc::TypeError, "%s: %s should be %s, not %s", out->function, out->argname, kinds,
                   type_name(type_of(v)));
      return false;
    }
    path = Ref::steal(call_no_args(method.get()));
    if (!path) return false;
    if (!is_str(path.get()) && !is_bytes(path.get())) {
      raise_format(exc::TypeError, "expected %s.__fspath__() to return str or bytes, not %s",
                   type_name(type_of(v)), type_name(type_of(path.get())));
      return false;
    }
  }
  if (is_str(path.get())) {
    Ref encoded = Ref::steal(str_encode(path.get(), "utf-8", "surrogateescape"));
    if (!encoded) return false;
    out->path.assign(bytes_view(encoded.get()));
    if (out->path.find('\0') != std::string::npos) {
      raise(exc::ValueError, "embedded null byte");
      return false;
    }
  } else {
    out->is_bytes = true;
    out->path.assign(is_bytes(path.get()) ? bytes_view(path.get()) : bytearray_view(path.get()));
    if (out->path.find('\0') != std::string::npos) {
      raise_format(exc::ValueError, "%s: embedded null character in %s", out->function, out->argname);
      return false;
    }
    if (!is_bytes(path.get())) path = Ref::steal(bytes_from(out->path));
  }
  out->object = std::move(path);
  return true;
}

Value fs_decode(std::string_view bytes) { return bytes_decode(bytes, "utf-8", "surrogateescape"); }

Value name_for(const PathArg& path, std::string_view name) {
  return path.is_bytes ? bytes_from(name) : fs_decode(name);
}

Value raise_errno(int code, Value filename, Value filename2) {
  Ref number = Ref::steal(int_from_int64(code));
  Ref message = Ref::steal(str_from_utf8(std::strerror(code)));
  if (!number || !message) return Value();
  Ref error;
  if (filename2) {
    Value args[5] = {number.get(), message.get(), filename, none(), filename2};
    error = Ref::steal(exception_new(exc::OSError, args, 5));
  } else if (filename) {
    Value args[3] = {number.get(), message.get(), filename};
    error = Ref::steal(exception_new(exc::OSError, args, 3));
  } else {
    Value args[2] = {number.get(), message.get()};
    error = Ref::steal(exception_new(exc::OSError, args, 2));
  }
  if (!error) return Value();
  set_exception(error.get());
  return Value();
}

}  // namespace krait::modules::posix
