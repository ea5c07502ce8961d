// marshal: dumps, loads, dump, load and version, with CPython 3.11's argument rules (all
// positional-only) and messages. The format itself is in marshal_write.cpp / marshal_read.cpp.
#include <string>

#include "bytecode/marshal.h"
#include "modules/marshal/marshal_internal.h"
#include "modules/modules.h"
#include "runtime/abstract.h"
#include "runtime/builtin_types.h"
#include "runtime/bytes.h"
#include "runtime/errors.h"
#include "runtime/int.h"
#include "runtime/module.h"
#include "runtime/tuple.h"

namespace krait::modules {

using namespace runtime;

namespace {

bool no_keywords(const char* name, Value kwnames) {
  if (kwnames.is_null() || tuple_size(kwnames) == 0) return true;
  raise_format(exc::TypeError, "marshal.%s() takes no keyword arguments", name);
  return false;
}

// Argument Clinic's count check for a function with optional positional arguments.
bool check_count(const char* name, size_t nargs, size_t min, size_t max) {
  if (nargs < min) {
    raise_format(exc::TypeError, "%s expected %s %zu argument%s, got %zu", name, min == max ? "exactly" : "at least",
                 min, min == 1 ? "" : "s", nargs);
    return false;
  }
  if (nargs > max) {
    raise_format(exc::TypeError, "%s expected %s %zu argument%s, got %zu", name, min == max ? "exactly" : "at most",
                 max, max == 1 ? "" : "s", nargs);
    return false;
  }
  return true;
}

// A METH_O function's count check.
bool check_one(const char* name, size_t nargs, Value kwnames) {
  if (!no_keywords(name, kwnames)) return false;
  if (nargs == 1) return true;
  raise_format(exc::TypeError, "marshal.%s() takes exactly one argument (%zu given)", name, nargs);
  return false;
}

// The version argument as a C int (_PyLong_AsInt).
bool version_argument(Value v, int* out) {
  Ref index = Ref::steal(number_index(v));
  if (!index) return false;
  int64_t i;
  if (!int_to_int64(index.get(), &i) || i < INT32_MIN || i > INT32_MAX) {
    clear_error();
    raise(exc::OverflowError, "Python int too large to convert to C int");
    return false;
  }
  *out = static_cast<int>(i);
  return true;
}

Value marshal_dumps(Value, const Value* args, size_t nargs, Value kwnames) {
  if (!no_keywords("dumps", kwnames) || !check_count("dumps", nargs, 1, 2)) return Value();
  int version = bytecode::kMarshalVersion;
  if (nargs > 1 && !version_argument(args[1], &version)) return Value();
  return marshal::dumps(args[0], version);
}

Value marshal_dump(Value, const Value* args, size_t nargs, Value kwnames) {
  if (!no_keywords("dump", kwnames) || !check_count("dump", nargs, 2, 3)) return Value();
  int version = bytecode::kMarshalVersion;
  if (nargs > 2 && !version_argument(args[2], &version)) return Value();
  Ref data = Ref::steal(marshal::dumps(args[0], version));
  if (!data) return Value();
  Value arg = data.get();
  return call_method(args[1], "write", &arg, 1);  // its result is dump's
}

Value marshal_loads(Value, const Value* args, size_t nargs, Value kwnames) {
  if (!check_one("loads", nargs, kwnames)) return Value();
  std::string_view data;
  if (!bytes_like_view(args[0], &data)) return Value();
  return marshal::loads(data);
}

Value marshal_load(Value, const Value* args, size_t nargs, Value kwnames) {
  if (!check_one("load", nargs, kwnames)) return Value();
  return marshal::load(args[0]);
}

#define FN(name, fn) {name, reinterpret_cast<void*>(&fn), MethodKind::FastKeywords}
const MethodDef marshal_functions[] = {
    FN("dump", marshal_dump),
    FN("load", marshal_load),
    FN("dumps", marshal_dumps),
    FN("loads", marshal_loads),
    {nullptr, nullptr, MethodKind::NoArgs},
};
#undef FN

}  // namespace

Value create_marshal_module() {
  Ref module = Ref::steal(module_new("marshal"));
  if (!module) return Value();
  if (module_add_functions(module.get(), marshal_functions) < 0) return Value();
  Ref version = Ref::steal(int_from_int64(bytecode::kMarshalVersion));
  if (module_add(module.get(), "version", version.get()) < 0) return Value();
  return module.release();
}

}  // namespace krait::modules
