// The `_string` module (string.Formatter's helpers): formatter_parser and
// formatter_field_name_split, over str.format's own grammar (runtime/str_format.h), so both read
// format strings alike. Their iterators parse lazily, one chunk or part per next(), as CPython's:
// an error surfaces when iteration reaches it.
#include "modules/modules.h"
#include "runtime/core_internal.h"
#include "runtime/errors.h"
#include "runtime/int.h"
#include "runtime/memory.h"
#include "runtime/module.h"
#include "runtime/number_util.h"
#include "runtime/str.h"
#include "runtime/str_format.h"
#include "runtime/tuple.h"

namespace krait::modules {

using namespace runtime;

namespace {

TypeObject formatter_iterator_type;   // formatter_parser's iterator
TypeObject fieldname_iterator_type;   // the rest of formatter_field_name_split

// Both iterators: the str being read and the position of the next chunk or part.
struct StrScanObject : Object {
  Value text;
  size_t pos;
};

StrScanObject* as_scan(Value v) { return static_cast<StrScanObject*>(v.as_object()); }

Value new_scan(TypeObject* type, Value text, size_t pos) {
  auto* it = static_cast<StrScanObject*>(allocate_object(type, sizeof(StrScanObject)));
  if (!it) return Value();
  it->text = text;
  incref(text);
  it->pos = pos;
  return Value::object(it);
}

void scan_dealloc(Object* self) {
  Value text = static_cast<StrScanObject*>(self)->text;
  static_cast<StrScanObject*>(self)->text = Value();
  decref(text);
  free_object(self);
}

Value scan_iter(Value self) {
  incref(self);
  return self;
}

Value substring_or_none(Value text, size_t start, size_t end, bool present) {
  if (!present) return new_ref(none());
  return str_substring(text, start, end);
}

// (literal_text, field_name, format_spec, conversion): the last three None when no field follows.
Value formatter_next(Value self) {
  StrScanObject* it = as_scan(self);
  FormatChunk chunk;
  int r = format_next_chunk(it->text, &it->pos, &chunk);
  if (r <= 0) return Value();
  Ref literal = Ref::steal(str_substring(it->text, chunk.literal_start, chunk.literal_end));
  Ref name = Ref::steal(substring_or_none(it->text, chunk.name_start, chunk.name_end, chunk.has_field));
  Ref spec = Ref::steal(substring_or_none(it->text, chunk.spec_start, chunk.spec_end, chunk.has_field));
  Ref conversion = Ref::steal(chunk.conversion ? str_from_char(chunk.conversion) : new_ref(none()));
  if (!literal || !name || !spec || !conversion) return Value();
  return tuple_pack({literal.get(), name.get(), spec.get(), conversion.get()});
}

// (is_attribute, name): name an int for an all-digit index, else a str.
Value fieldname_next(Value self) {
  StrScanObject* it = as_scan(self);
  FieldNamePart part;
  int r = format_field_next(it->text, &it->pos, &part);
  if (r <= 0) return Value();
  Ref name = Ref::steal(part.index >= 0 ? int_from_int64(part.index) : str_substring(it->text, part.start, part.end));
  if (!name) return Value();
  return tuple_pack({bool_value(part.is_attribute), name.get()});
}

bool check_str(Value v) {
  if (is_str(v)) return true;
  raise_format(exc::TypeError, "expected str, got %s", type_name(type_of(v)));
  return false;
}

Value formatter_parser_function(Value, Value text) {
  if (!check_str(text)) return Value();
  return new_scan(&formatter_iterator_type, text, 0);
}

// (first, rest): first an int when it is all digits, else a str; rest the iterator of the parts.
Value formatter_field_name_split_function(Value, Value field) {
  if (!check_str(field)) return Value();
  size_t end = format_field_first_end(field);
  int64_t index = format_field_integer(field, 0, end);
  if (index == -2) return Value();
  Ref first = Ref::steal(index >= 0 ? int_from_int64(index) : str_substring(field, 0, end));
  if (!first) return Value();
  Ref rest = Ref::steal(new_scan(&fieldname_iterator_type, field, end));
  if (!rest) return Value();
  return tuple_pack({first.get(), rest.get()});
}

void init_scan_type(TypeObject& t, const char* name, UnaryFunc next) {
  init_static_type(&t, name, &object_type, sizeof(StrScanObject));
  t.flags = 0;  // not subclassable, as CPython's
  t.dealloc = scan_dealloc;
  t.iter = scan_iter;
  t.iternext = next;
}

int init_string_types() {
  static bool done = false;
  if (done) return 0;
  init_scan_type(formatter_iterator_type, "formatteriterator", formatter_next);
  init_scan_type(fieldname_iterator_type, "fieldnameiterator", fieldname_next);
  if (type_ready(&formatter_iterator_type) < 0 || type_ready(&fieldname_iterator_type) < 0) return -1;
  done = true;
  return 0;
}

const MethodDef string_functions[] = {
    {"formatter_parser", reinterpret_cast<void*>(formatter_parser_function), MethodKind::OneArg, false, false,
     "parse the argument as a format string"},
    {"formatter_field_name_split", reinterpret_cast<void*>(formatter_field_name_split_function), MethodKind::OneArg,
     false, false, "split the argument as a field name"},
    {nullptr, nullptr, MethodKind::NoArgs},
};

}  // namespace

Value create_string_module() {
  if (init_string_types() < 0) return Value();
  Ref module = Ref::steal(module_new("_string"));
  if (!module) return Value();
  if (module_add_functions(module.get(), string_functions) < 0) return Value();
  Ref doc = Ref::steal(str_from_ascii("string helper module"));
  if (!doc || module_add(module.get(), "__doc__", doc.get()) < 0) return Value();
  return module.release();
}

}  // namespace krait::modules
