// Argument checking for the stdlib support modules (native_args.h).
#include "modules/native_args.h"

#include "runtime/abstract.h"
#include "runtime/args.h"
#include "runtime/coll_util.h"
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
  // PyArg_ParseTupleAndKeywords counts all arguments first; the rest is the runtime's binder.
  size_t count = names.size();
  size_t nkw = keyword_count(kwnames);
  if (nargs + nkw > count) {
    raise_format(exc::TypeError, "%s() takes at most %zu %sargument%s (%zu given)", fname, count,
                 nargs == 0 ? "keyword " : "", count == 1 ? "" : "s", nargs + nkw);
    return false;
  }
  return bind_args({fname, names, 0, required, max_positional}, args, nargs, kwnames, out);
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

bool ssize_argument(Value v, int64_t* out) { return runtime::coll::ssize_arg(v, out); }

std::string short_type_name(const TypeObject* type) {
  size_t dot = type->name.rfind('.');
  return dot == std::string::npos ? type->name : type->name.substr(dot + 1);
}

}  // namespace krait::modules
