// The _sre module: what CPython 3.11's pure-Python re package (re/_compiler.py) needs: compile,
// the code-word constants and the case helpers the compiler asks about pattern characters.
#include "modules/modules.h"
#include "modules/sre/sre_internal.h"
#include "runtime/abstract.h"
#include "runtime/errors.h"
#include "runtime/int.h"
#include "runtime/module.h"
#include "runtime/str.h"

namespace krait::modules {

namespace sre {

Value sre_compile(Value, const Value* args, size_t nargs, Value kwnames);  // pattern.cpp

namespace {

// The character argument of the case helpers: an int (code point).
bool char_arg(Value v, int64_t* out) {
  *out = as_ssize(v);
  return !(*out == -1 && error_occurred());
}

Value getcodesize(Value) { return Value::small_int(4); }

Value ascii_iscased(Value, Value arg) {
  int64_t ch;
  if (!char_arg(arg, &ch)) return Value();
  bool cased = ch < 128 && ((ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z'));
  return new_ref(bool_value(cased));
}
Value unicode_iscased(Value, Value arg) {
  int64_t ch;
  if (!char_arg(arg, &ch)) return Value();
  uint32_t c = static_cast<uint32_t>(ch);
  return new_ref(bool_value(c != lower_unicode(c) || c != upper_unicode(c)));
}
Value ascii_tolower(Value, Value arg) {
  int64_t ch;
  if (!char_arg(arg, &ch)) return Value();
  return int_from_int64(ch < 128 ? lower_ascii(static_cast<uint32_t>(ch)) : ch);
}
Value unicode_tolower(Value, Value arg) {
  int64_t ch;
  if (!char_arg(arg, &ch)) return Value();
  return int_from_int64(lower_unicode(static_cast<uint32_t>(ch)));
}

#define F(name, fn, kind) {name, reinterpret_cast<void*>(&fn), MethodKind::kind}
const MethodDef sre_functions[] = {
    F("compile", sre_compile, FastKeywords),
    F("getcodesize", getcodesize, NoArgs),
    F("ascii_iscased", ascii_iscased, OneArg),
    F("unicode_iscased", unicode_iscased, OneArg),
    F("ascii_tolower", ascii_tolower, OneArg),
    F("unicode_tolower", unicode_tolower, OneArg),
    {nullptr, nullptr, MethodKind::NoArgs},
};
#undef F

}  // namespace
}  // namespace sre

Value create_sre_module() {
  using namespace sre;
  if (init_pattern_type() < 0 || init_match_type() < 0 || init_scanner_type() < 0) return Value();
  Ref module = Ref::steal(module_new("_sre"));
  if (!module) return Value();
  if (module_add_functions(module.get(), sre_functions) < 0) return Value();
  struct {
    const char* name;
    int64_t value;
  } ints[] = {{"MAGIC", kMagic}, {"CODESIZE", 4}, {"MAXREPEAT", kMaxRepeat}, {"MAXGROUPS", kMaxGroups}};
  for (auto& e : ints) {
    Ref v = Ref::steal(int_from_int64(e.value));
    if (!v || module_add(module.get(), e.name, v.get()) < 0) return Value();
  }
  Ref copyright = Ref::steal(str_from_utf8(" SRE 2.2.2 Copyright (c) 1997-2002 by Secret Labs AB "));
  if (!copyright || module_add(module.get(), "copyright", copyright.get()) < 0) return Value();
  return module.release();
}

}  // namespace krait::modules
