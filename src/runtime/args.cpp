#include "runtime/args.h"

#include <algorithm>

#include "runtime/errors.h"
#include "runtime/str.h"
#include "runtime/tuple.h"

namespace krait::runtime {

namespace {

bool too_many_positional(const Params& p, size_t nargs) {
  size_t max_pos = std::min(p.max_positional, p.names.size());
  if (max_pos == 0) {
    raise_format(exc::TypeError, "%s() takes no positional arguments", p.function);
  } else {
    raise_format(exc::TypeError, "%s() takes %s %zu positional argument%s (%zu given)", p.function,
                 p.required < max_pos ? "at most" : "exactly", max_pos, max_pos == 1 ? "" : "s", nargs);
  }
  return false;
}

}  // namespace

bool bind_args(const Params& p, const Value* args, size_t nargs, Value kwnames, Value* out) {
  const char* const* names = p.names.begin();
  size_t n = p.names.size();
  size_t nkw = kwnames ? tuple_size(kwnames) : 0;
  for (size_t i = 0; i < n; ++i) out[i] = Value();
  if (nargs > std::min(p.max_positional, n)) return too_many_positional(p, nargs);
  for (size_t i = 0; i < nargs; ++i) out[i] = args[i];
  // As the argument clinic: parameters in order (a missing required one is reported first),
  // then keywords that matched nothing.
  size_t matched = 0;
  for (size_t i = nargs; i < n; ++i) {
    for (size_t k = 0; k < nkw && i >= p.positional_only; ++k) {
      if (str_equal_ascii(tuple_get(kwnames, k), names[i])) {
        out[i] = args[nargs + k];
        ++matched;
        break;
      }
    }
    if (!out[i] && i < p.required) {
      if (i < p.max_positional)
        raise_format(exc::TypeError, "%s() missing required argument '%s' (pos %zu)", p.function, names[i], i + 1);
      else
        raise_format(exc::TypeError, "%s() missing required keyword-only argument '%s'", p.function, names[i]);
      return false;
    }
  }
  if (matched == nkw) return true;
  for (size_t i = p.positional_only; i < nargs; ++i) {
    for (size_t k = 0; k < nkw; ++k) {
      if (str_equal_ascii(tuple_get(kwnames, k), names[i])) {
        raise_format(exc::TypeError, "argument for %s() given by name ('%s') and position (%zu)", p.function,
                     names[i], i + 1);
        return false;
      }
    }
  }
  for (size_t k = 0; k < nkw; ++k) {
    Value key = tuple_get(kwnames, k);
    bool known = false;
    for (size_t i = p.positional_only; i < n && !known; ++i) known = str_equal_ascii(key, names[i]);
    if (!known) {
      raise_format(exc::TypeError, "'%s' is an invalid keyword argument for %s()", str_cstr(key), p.function);
      return false;
    }
  }
  return true;
}

}  // namespace krait::runtime
