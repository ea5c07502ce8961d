// Argument checking for the stdlib support modules (native_args.h).
#include "modules/native_args.h"

#include "runtime/abstract.h"
#include "runtime/errors.h"
#include "runtime/int.h"
#include "runtime/str.h"
#include "runtime/tuple.h"

namespace krait::modules {

using namespace runtime;

size_t keyword_count(Value kwnames) { return kwnames.is_null() ? 0 : tuple_size(kwnames); }

bool match_arguments(const char* fname, const Value* args, size_t nargs, Value kwnames,
                     std::initializer_list<const char*> names, size_t max_positional, size_t required,
                     Value* out) {
  size_t count = names.size();
  size_t nkw = keyword_count(kwnames);
  for (size_t i = 0; i < count; ++i) out[i] = Value();
  if (nargs + nkw > count) {
    raise_format(exc::TypeError, "%s() takes at most %zu %sargument%s (%zu given)", fname, count,
                 nargs == 0 ? "keyword " : "", count == 1 ? "" : "s", nargs + nkw);
    return false;
  }
  if (nargs > max_positional) {
    if (max_positional == 0) {
      raise_format(exc::TypeError, "%s() takes no positional arguments", fname);
    } else {
      raise_format(exc::TypeError, "%s() takes %s %zu positional argument%s (%zu given)", fname,
                   required < max_positional ? "at most" : "exactly", max_positional,
                   max_positional == 1 ? "" : "s", nargs);
    }
    return false;
  }
  for (size_t i = 0; i < nargs; ++i) out[i] = args[i];
  size_t matched = 0;
  const char* const* name = names.begin();
  for (size_t i = nargs; i < count; ++i) {
    for (size_t k = 0; k < nkw; ++k) {
      if (str_equal_ascii(tuple_get(kwnames, k), name[i])) {
        out[i] = args[nargs + k];
        ++matched;
        break;
      }
    }
    if (out[i].is_null() && i < required) {
      raise_format(exc::TypeError, "%s() missing required argument '%s' (pos %zu)", fname, name[i], i + 1);
      return false;
    }
  }
  if (matched == nkw) return true;
  for (size_t i = 0; i < nargs; ++i) {
    for (size_t k = 0; k < nkw; ++k) {
      if (str_equal_ascii(tuple_get(kwnames, k), name[i])) {
        raise_format(exc::TypeError, "argument for %s() given by name ('%s') and position (%zu)", fname,
                     name[i], i + 1);
        return false;
      }
    }
  }
  for (size_t k = 0; k < nkw; ++k) {
    Value key = tuple_get(kwnames, k);
    bool known = false;
    for (size_t i = 0; i < count && !known; ++i) known = str_equal_ascii(key, name[i]);
    if (!known) {
      std::string text = str_to_utf8(key);
      raise_format(exc::TypeError, "'%s' is an invalid keyword argument for %s()", text.c_str(), fname);
      return false;
    }
  }
  return true;
}

bool check_positional(const char* fname, size_t nargs, size_t min, size_t max) {
  if (nargs >= min && nargs <= max) return true;
  bool few = nargs < min;
  size_t n = few ? min : max;
  raise_format(exc::TypeError, "%s expected %s%zu argument%s, got %zu", fname,
               min == max ? "" : (few ? "at least " : "at most "), n, n == 1 ? "" : "s", nargs);
  return false;
}

bool check_no_keywords(const char* fname, Value kwnames) {
  if (keyword_count(kwnames) == 0) return true;
  raise_format(exc::TypeError, "%s() takes no keyword arguments", fname);
  return false;
}

bool ssize_argument(Value v, int64_t* out) {
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

std::string short_type_name(const TypeObject* type) {
  size_t dot = type->name.rfind('.');
  return dot == std::string::npos ? type->name : type->name.substr(dot + 1);
}

}  // namespace krait::modules
