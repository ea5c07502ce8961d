// The Python face of code objects (types.CodeType): the co_* attributes, co_lines(),
// co_positions(), _co_code_adaptive, _varname_from_oparg(), replace(), comparison and hash by
// content, and the constructor, all as CPython 3.11 (3.11.2) has them.
//
// Where krait differs on purpose: code made from bytes goes through the bytecode verifier
// (code_verify.h), so CodeType(...) and replace() raise ValueError("code: invalid bytecode: ...")
// for bytecode CPython would accept and then crash on. co_lines() and co_positions() return
// list iterators (CPython has private iterator types).
#include <cmath>

#include "bytecode/opcodes.h"
#include "runtime/abstract.h"
#include "runtime/builtin_function.h"
#include "runtime/bytes.h"
#include "runtime/complex.h"
#include "runtime/dict.h"
#include "runtime/descriptors.h"
#include "runtime/errors.h"
#include "runtime/float.h"
#include "runtime/int.h"
#include "runtime/list.h"
#include "runtime/memory.h"
#include "runtime/number_util.h"
#include "runtime/set.h"
#include "runtime/str.h"
#include "runtime/tuple.h"
#include "vm/code.h"

namespace krait::runtime {
TypeObject code_type;
}

namespace krait::vm {

using namespace runtime;

namespace {

Value bytes_of(const std::vector<uint8_t>& v) {
  return bytes_from(std::string_view(reinterpret_cast<const char*>(v.data()), v.size()));
}

Value names_of_kind(const CodeObject* code, uint8_t kind) {
  size_t n = 0;
  for (uint8_t k : code->localspluskinds) n += (k & kind) != 0;
  Value t = tuple_new(n);
  if (!t) return Value();
  size_t j = 0;
  for (size_t i = 0; i < code->localspluskinds.size(); ++i) {
    if (code->localspluskinds[i] & kind) tuple_items(t)[j++] = new_ref(tuple_get(code->localsplusnames, i));
  }
  return t;
}

void code_dealloc(Object* self) {
  auto* code = static_cast<CodeObject*>(self);
  Value fields[] = {code->consts, code->names, code->localsplusnames, code->filename, code->name, code->qualname};
  for (Value v : fields) xdecref(v);
  code->~CodeObject();
  free_object(self);
}

Value code_repr(Value self) {
  CodeObject* code = as_code(self);
  return str_from_format("<code object %s at %p, file \"%s\", line %d>", str_cstr(code->name),
                         (void*)code, str_cstr(code->filename), code->firstlineno);
}

// --- attributes ---------------------------------------------------------------------------------

Value get_co_name(Value self) { return new_ref(as_code(self)->name); }
Value get_co_qualname(Value self) { return new_ref(as_code(self)->qualname); }
Value get_co_filename(Value self) { return new_ref(as_code(self)->filename); }
Value get_co_consts(Value self) { return new_ref(as_code(self)->consts); }
Value get_co_names(Value self) { return new_ref(as_code(self)->names); }
Value get_co_firstlineno(Value self) { return int_from_int64(as_code(self)->firstlineno); }
Value get_co_argcount(Value self) { return int_from_int64(as_code(self)->argcount); }
Value get_co_posonlyargcount(Value self) { return int_from_int64(as_code(self)->posonlyargcount); }
Value get_co_kwonlyargcount(Value self) { return int_from_int64(as_code(self)->kwonlyargcount); }
Value get_co_flags(Value self) { return int_from_int64(as_code(self)->flags); }
Value get_co_stacksize(Value self) { return int_from_int64(as_code(self)->stacksize); }
Value get_co_nlocals(Value self) { return int_from_int64(as_code(self)->nlocals); }
Value get_co_varnames(Value self) { return names_of_kind(as_code(self), bytecode::LocalKind::Local); }
Value get_co_cellvars(Value self) { return names_of_kind(as_code(self), bytecode::LocalKind::Cell); }
Value get_co_freevars(Value self) { return names_of_kind(as_code(self), bytecode::LocalKind::Free); }
Value get_co_code(Value self) { return bytes_of(as_code(self)->shape->code); }
Value get_co_linetable(Value self) { return bytes_of(as_code(self)->shape->linetable); }
Value get_co_exceptiontable(Value self) { return bytes_of(as_code(self)->shape->exceptiontable); }

// The VM's working copy: krait's quickened form (LOAD_GLOBAL's first CACHE unit holds the slot
// of its global cache once it has run).
Value get_co_code_adaptive(Value self) {
  const CodeObject* code = as_code(self);
  std::string out;
  out.reserve(code->units.size() * 2);
  for (uint16_t u : code->units) {
    out.push_back(char(u & 0xff));
    out.push_back(char(u >> 8));
  }
  return bytes_from(out);
}

// co_lnotab, rebuilt from the line table as CPython 3.11 does (deprecated, still there).
void lnotab_pair(std::string& out, int a, int b) {
  out.push_back(char(a));
  out.push_back(char(b));
}

Value get_co_lnotab(Value self) {
  const CodeObject* code = as_code(self);
  LineTableWalker walker(code->shape->linetable, code->firstlineno);
  LineTableEntry e;
  std::string out;
  int line = code->firstlineno, offset = 0;
  while (walker.next(&e)) {
    if (e.computed_line == line) continue;
    int bdelta = 2 * e.start - offset, ldelta = e.computed_line - line;
    for (; bdelta > 255; bdelta -= 255) lnotab_pair(out, 255, 0);
    for (; ldelta > 127; ldelta -= 127, bdelta = 0) lnotab_pair(out, bdelta, 127);
    for (; ldelta < -128; ldelta += 128, bdelta = 0) lnotab_pair(out, bdelta, -128);
    lnotab_pair(out, bdelta, ldelta);
    offset = 2 * e.start;
    line = e.computed_line;
  }
  return bytes_from(out);
}

const GetSetDef kCodeGetSets[] = {
    {"co_name", get_co_name},
    {"co_qualname", get_co_qualname},
    {"co_filename", get_co_filename},
    {"co_consts", get_co_consts},
    {"co_names", get_co_names},
    {"co_firstlineno", get_co_firstlineno},
    {"co_argcount", get_co_argcount},
    {"co_posonlyargcount", get_co_posonlyargcount},
    {"co_kwonlyargcount", get_co_kwonlyargcount},
    {"co_flags", get_co_flags},
    {"co_stacksize", get_co_stacksize},
    {"co_nlocals", get_co_nlocals},
    {"co_varnames", get_co_varnames},
    {"co_cellvars", get_co_cellvars},
    {"co_freevars", get_co_freevars},
    {"co_code", get_co_code},
    {"co_linetable", get_co_linetable},
    {"co_exceptiontable", get_co_exceptiontable},
    {"co_lnotab", get_co_lnotab},
    {"_co_code_adaptive", get_co_code_adaptive},
    {nullptr, nullptr}};

// --- methods ------------------------------------------------------------------------------------

Value optional_int(int v) { return v < 0 ? new_ref(none()) : int_from_int64(v); }

// co_lines(): one (start, end, line) per line-table entry, byte offsets, line None for
// entries without a location (CPython 3.11 does not merge entries).
Value code_co_lines(Value self) {
  const CodeObject* code = as_code(self);
  Ref list = Ref::steal(list_new(0));
  if (!list) return Value();
  LineTableWalker walker(code->shape->linetable, code->firstlineno);
  LineTableEntry e;
  while (walker.next(&e)) {
    Ref item = Ref::steal(tuple_new(3));
    if (!item) return Value();
    tuple_items(item.get())[0] = int_from_int64(2 * e.start);
    tuple_items(item.get())[1] = int_from_int64(2 * e.end);
    tuple_items(item.get())[2] = optional_int(e.position.line);
    if (list_append(list.get(), item.get()) < 0) return Value();
  }
  return get_iter(list.get());
}

// co_positions(): (line, end_line, col, end_col) per code unit the line table covers.
Value code_co_positions(Value self) {
  const CodeObject* code = as_code(self);
  Ref list = Ref::steal(list_new(0));
  if (!list) return Value();
  LineTableWalker walker(code->shape->linetable, code->firstlineno);
  LineTableEntry e;
  while (walker.next(&e)) {
    const Position& p = e.position;
    Ref item = Ref::steal(tuple_new(4));
    if (!item) return Value();
    int fields[] = {p.line, p.end_line, p.col, p.end_col};
    for (int k = 0; k < 4; ++k) tuple_items(item.get())[k] = optional_int(fields[k]);
    for (int u = e.start; u < e.end; ++u)
      if (list_append(list.get(), item.get()) < 0) return Value();
  }
  return get_iter(list.get());
}

Value code_varname_from_oparg(Value self, Value arg) {
  Ref index = Ref::steal(number_index(arg));
  if (!index) return Value();
  int64_t i;
  if (!int_to_int64(index.get(), &i) || i < INT32_MIN || i > INT32_MAX)
    return raise(exc::OverflowError, "Python int too large to convert to C int");
  const CodeObject* code = as_code(self);
  if (i < 0 || i >= int64_t(tuple_size(code->localsplusnames))) return raise(exc::IndexError, "tuple index out of range");
  return new_ref(tuple_get(code->localsplusnames, size_t(i)));
}

// CPython's basic size of a code object and one 16-bit unit per instruction, rounded to 8.
Value code_sizeof(Value self) {
  size_t units = as_code(self)->units.size();
  return int_from_int64(int64_t((184 + 2 * units + 7) & ~size_t(7)));
}

// --- arguments of the constructor and replace() -------------------------------------------------

// Argument Clinic's int conversion.
bool int_argument(Value v, int* out) {
  Ref index = Ref::steal(number_index(v));
  if (!index) return false;
  int64_t i;
  if (!int_to_int64(index.get(), &i) || i < INT32_MIN || i > INT32_MAX) {
    raise(exc::OverflowError, "Python int too large to convert to C int");
    return false;
  }
  *out = int(i);
  return true;
}

enum class Want { Int, Bytes, Tuple, Str };

bool type_matches(Value v, Want want) {
  switch (want) {
    case Want::Bytes: return is_bytes(v);
    case Want::Tuple: return is_tuple(v);
    case Want::Str: return is_str(v);
    case Want::Int: return true;
  }
  return false;
}

const char* want_name(Want want) {
  return want == Want::Bytes ? "bytes" : want == Want::Tuple ? "tuple" : "str";
}

const char* value_type_name_or_none(Value v) { return v == none() ? "None" : type_of(v)->name.c_str(); }

// The 18 fields in the constructor's order, with replace()'s keyword and the expected type.
struct FieldSpec {
  const char* keyword;
  Want want;
};
const FieldSpec kFields[18] = {
    {"co_argcount", Want::Int},      {"co_posonlyargcount", Want::Int}, {"co_kwonlyargcount", Want::Int},
    {"co_nlocals", Want::Int},       {"co_stacksize", Want::Int},       {"co_flags", Want::Int},
    {"co_code", Want::Bytes},        {"co_consts", Want::Tuple},        {"co_names", Want::Tuple},
    {"co_varnames", Want::Tuple},    {"co_filename", Want::Str},        {"co_name", Want::Str},
    {"co_qualname", Want::Str},      {"co_firstlineno", Want::Int},     {"co_linetable", Want::Bytes},
    {"co_exceptiontable", Want::Bytes}, {"co_freevars", Want::Tuple},   {"co_cellvars", Want::Tuple},
};

// Converts the 18 values (borrowed; all present) into CodeFields; `holder` keeps new values.
bool fields_from_values(const Value* v, CodeFields* f) {
  int* ints[] = {&f->argcount, &f->posonlyargcount, &f->kwonlyargcount, &f->nlocals, &f->stacksize, &f->flags};
  for (int k = 0; k < 6; ++k)
    if (!int_argument(v[k], ints[k])) return false;
  if (!int_argument(v[13], &f->firstlineno)) return false;
  f->code = v[6];
  f->consts = v[7];
  f->names = v[8];
  f->varnames = v[9];
  f->filename = v[10];
  f->name = v[11];
  f->qualname = v[12];
  f->linetable = v[14];
  f->exceptiontable = v[15];
  f->freevars = v[16];
  f->cellvars = v[17];
  return true;
}

// validate_and_copy_tuple: every item a str; str subclasses become exact (interned) str.
Value exact_name_tuple(Value t) {
  size_t n = tuple_size(t);
  Ref out = Ref::steal(tuple_new(n));
  if (!out) return Value();
  for (size_t i = 0; i < n; ++i) {
    Value item = tuple_get(t, i);
    if (!is_str(item))
      return raise_format(exc::TypeError, "name tuples must contain only strings, not '%s'", type_of(item)->name.c_str());
    Value s = is_str_exact(item) ? new_ref(item) : str_from_utf8(str_utf8(item));
    if (!s) return Value();
    tuple_items(out.get())[i] = intern(s);
  }
  return out.release();
}

bool all_str(Value t) {
  for (size_t i = 0; i < tuple_size(t); ++i)
    if (!is_str(tuple_get(t, i))) return false;
  return true;
}

// code(argcount, posonlyargcount, kwonlyargcount, nlocals, stacksize, flags, codestring,
//      constants, names, varnames, filename, name, qualname, firstlineno, linetable,
//      exceptiontable, freevars=(), cellvars=(), /)
Value code_new(TypeObject*, const Value* args, size_t nargs, Value kwnames) {
  if (kwnames && tuple_size(kwnames) > 0) return raise(exc::TypeError, "code() takes no keyword arguments");
  if (nargs < 16) return raise_format(exc::TypeError, "code expected at least 16 arguments, got %zu", nargs);
  if (nargs > 18) return raise_format(exc::TypeError, "code expected at most 18 arguments, got %zu", nargs);
  Value values[18];
  for (size_t k = 0; k < 18; ++k) values[k] = k < nargs ? args[k] : tuple_empty();
  for (size_t k = 0; k < nargs; ++k) {
    if (kFields[k].want == Want::Int) {
      int ignored;
      if (!int_argument(values[k], &ignored)) return Value();
    } else if (!type_matches(values[k], kFields[k].want)) {
      return raise_format(exc::TypeError, "code() argument %zu must be %s, not %s", k + 1, want_name(kFields[k].want),
                          value_type_name_or_none(values[k]));
    }
  }
  CodeFields f;
  if (!fields_from_values(values, &f)) return Value();
  const char* negative[] = {"argcount", "posonlyargcount", "kwonlyargcount", "nlocals"};
  int counts[] = {f.argcount, f.posonlyargcount, f.kwonlyargcount, f.nlocals};
  for (int k = 0; k < 4; ++k)
    if (counts[k] < 0) return raise_format(exc::ValueError, "code: %s must not be negative", negative[k]);
  Ref names = Ref::steal(exact_name_tuple(f.names));
  if (!names) return Value();
  Ref varnames = Ref::steal(exact_name_tuple(f.varnames));
  if (!varnames) return Value();
  Ref freevars = Ref::steal(exact_name_tuple(f.freevars));
  if (!freevars) return Value();
  Ref cellvars = Ref::steal(exact_name_tuple(f.cellvars));
  if (!cellvars) return Value();
  f.names = names.get();
  f.varnames = varnames.get();
  f.freevars = freevars.get();
  f.cellvars = cellvars.get();
  return code_from_fields(f);
}

// replace(*, co_argcount=-1, ..., co_exceptiontable=None): keyword-only, each defaulting to
// the code object's own value.
Value code_replace(Value self, const Value* args, size_t nargs, Value kwnames) {
  if (nargs > 0) return raise(exc::TypeError, "replace() takes no positional arguments");
  size_t nkw = kwnames ? tuple_size(kwnames) : 0;
  Value given[18] = {};
  for (size_t k = 0; k < nkw; ++k) {
    Value key = tuple_get(kwnames, k);
    size_t slot = 0;
    while (slot < 18 && !str_equal_ascii(key, kFields[slot].keyword)) ++slot;
    if (slot == 18)
      return raise_format(exc::TypeError, "'%s' is an invalid keyword argument for replace()", str_cstr(key));
    given[slot] = args[k];
  }
  // Conversions in declaration order (ints first, then the objects), as Argument Clinic.
  static const int kOrder[18] = {0, 1, 2, 3, 4, 5, 13, 6, 7, 8, 9, 16, 17, 10, 11, 12, 14, 15};
  for (int slot : kOrder) {
    if (!given[slot]) continue;
    if (kFields[slot].want == Want::Int) {
      int ignored;
      if (!int_argument(given[slot], &ignored)) return Value();
    } else if (!type_matches(given[slot], kFields[slot].want)) {
      return raise_format(exc::TypeError, "replace() argument '%s' must be %s, not %s", kFields[slot].keyword,
                          want_name(kFields[slot].want), value_type_name_or_none(given[slot]));
    }
  }
  const CodeObject* code = as_code(self);
  Ref own[18];
  own[0] = Ref::steal(int_from_int64(code->argcount));
  own[1] = Ref::steal(int_from_int64(code->posonlyargcount));
  own[2] = Ref::steal(int_from_int64(code->kwonlyargcount));
  own[3] = Ref::steal(int_from_int64(code->nlocals));
  own[4] = Ref::steal(int_from_int64(code->stacksize));
  own[5] = Ref::steal(int_from_int64(code->flags));
  own[6] = Ref::steal(get_co_code(self));
  own[7] = Ref::borrow(code->consts);
  own[8] = Ref::borrow(code->names);
  own[9] = Ref::steal(get_co_varnames(self));
  own[10] = Ref::borrow(code->filename);
  own[11] = Ref::borrow(code->name);
  own[12] = Ref::borrow(code->qualname);
  own[13] = Ref::steal(int_from_int64(code->firstlineno));
  own[14] = Ref::steal(get_co_linetable(self));
  own[15] = Ref::steal(get_co_exceptiontable(self));
  own[16] = Ref::steal(get_co_freevars(self));
  own[17] = Ref::steal(get_co_cellvars(self));
  Value values[18];
  for (int k = 0; k < 18; ++k) {
    values[k] = given[k] ? given[k] : own[k].get();
    if (!values[k]) return Value();
  }
  CodeFields f;
  if (!fields_from_values(values, &f)) return Value();
  const char* checked[] = {"co_argcount", "co_posonlyargcount", "co_kwonlyargcount", "co_nlocals",
                           "co_stacksize", "co_flags", "co_firstlineno"};
  int counts[] = {f.argcount, f.posonlyargcount, f.kwonlyargcount, f.nlocals, f.stacksize, f.flags, f.firstlineno};
  for (int k = 0; k < 7; ++k)
    if (counts[k] < 0) return raise_format(exc::ValueError, "%s must be a positive integer", checked[k]);
  if (!all_str(f.varnames) || !all_str(f.cellvars) || !all_str(f.freevars) || !all_str(f.names))
    return raise(exc::SystemError, "non-string found in code slot");
  return code_from_fields(f);
}

// --- comparison and hash ------------------------------------------------------------------------

// _PyCode_ConstantKey: a value that compares equal only for constants the compiler may merge
// (1, 1.0 and True differ; 0.0 and -0.0 differ; unknown types compare by identity).
Value constant_key(Value v) {
  if (v == none() || v == ellipsis() || v.is_small_int() || is_str_exact(v) ||
      (v.is_object() && (v.as_object()->type == &int_type || v.as_object()->type == &code_type)))
    return new_ref(v);
  Value type = Value::object(type_of(v));
  if (v == true_value() || v == false_value() || (v.is_object() && v.as_object()->type == &bytes_type))
    return tuple_pack({type, v});
  if (v.is_float()) {
    double d = v.as_float();
    if (d == 0.0 && std::signbit(d)) return tuple_pack({type, v, none()});
    return tuple_pack({type, v});
  }
  TypeObject* t = type_of(v);
  if (t == &complex_type) {
    double re = complex_real(v), im = complex_imag(v);
    bool re_neg = re == 0.0 && std::signbit(re), im_neg = im == 0.0 && std::signbit(im);
    if (re_neg && im_neg) return tuple_pack({type, v, true_value()});
    if (im_neg) return tuple_pack({type, v, false_value()});
    if (re_neg) return tuple_pack({type, v, none()});
    return tuple_pack({type, v});
  }
  if (t == &tuple_type) {
    size_t n = tuple_size(v);
    Ref keys = Ref::steal(tuple_new(n));
    if (!keys) return Value();
    for (size_t i = 0; i < n; ++i) {
      Value k = constant_key(tuple_get(v, i));
      if (!k) return Value();
      tuple_items(keys.get())[i] = k;
    }
    return tuple_pack({keys.get(), v});
  }
  if (t == &frozenset_type) {
    Ref keys = Ref::steal(set_new());
    if (!keys) return Value();
    size_t pos = 0;
    Value item;
    while (set_next(v, &pos, &item)) {
      Ref k = Ref::steal(constant_key(item));
      if (!k || set_add(keys.get(), k.get()) < 0) return Value();
    }
    Ref frozen = Ref::steal(frozenset_new(keys.get()));
    if (!frozen) return Value();
    return tuple_pack({frozen.get(), v});
  }
  Ref id = Ref::steal(int_from_uint64(uint64_t(v.bits())));
  if (!id) return Value();
  return tuple_pack({id.get(), v});
}

// Instructions equal once de-specialized; CACHE units are not compared.
bool same_instructions(const CodeObject* a, const CodeObject* b) {
  if (a->units.size() != b->units.size()) return false;
  for (size_t i = 0; i < a->units.size(); ++i) {
    int op_a = bytecode::op_info(a->units[i] & 0xff).base, op_b = bytecode::op_info(b->units[i] & 0xff).base;
    if (op_a != op_b || (a->units[i] >> 8) != (b->units[i] >> 8)) return false;
    i += bytecode::cache_entries(op_a);
  }
  return true;
}

// 1 equal, 0 not, -1 error.
int code_equal(const CodeObject* a, const CodeObject* b) {
  if (a == b) return 1;
  int eq = rich_compare_bool(a->name, b->name, CompareOp::Eq);
  if (eq <= 0) return eq;
  if (a->argcount != b->argcount || a->posonlyargcount != b->posonlyargcount ||
      a->kwonlyargcount != b->kwonlyargcount || a->flags != b->flags || a->firstlineno != b->firstlineno ||
      !same_instructions(a, b))
    return 0;
  Ref ka = Ref::steal(constant_key(a->consts));
  if (!ka) return -1;
  Ref kb = Ref::steal(constant_key(b->consts));
  if (!kb) return -1;
  eq = rich_compare_bool(ka.get(), kb.get(), CompareOp::Eq);
  if (eq <= 0) return eq;
  eq = rich_compare_bool(a->names, b->names, CompareOp::Eq);
  if (eq <= 0) return eq;
  eq = rich_compare_bool(a->localsplusnames, b->localsplusnames, CompareOp::Eq);
  if (eq <= 0) return eq;
  return a->shape->linetable == b->shape->linetable && a->shape->exceptiontable == b->shape->exceptiontable;
}

Value code_richcompare(Value a, Value b, CompareOp op) {
  if ((op != CompareOp::Eq && op != CompareOp::Ne) || !is_code(b)) return new_not_implemented();
  int eq = code_equal(as_code(a), as_code(b));
  if (eq < 0) return Value();
  return new_ref(bool_value((eq == 1) == (op == CompareOp::Eq)));
}

int64_t code_hash(Value self) {
  const CodeObject* code = as_code(self);
  Ref linetable = Ref::steal(get_co_linetable(self));
  Ref exceptiontable = Ref::steal(get_co_exceptiontable(self));
  if (!linetable || !exceptiontable) return -1;
  Value parts[] = {code->name, code->consts, code->names, code->localsplusnames, linetable.get(), exceptiontable.get()};
  int64_t h = 0;
  for (Value part : parts) {
    int64_t ph = hash(part);
    if (ph == -1) return -1;
    h ^= ph;
  }
  h ^= code->argcount ^ code->posonlyargcount ^ code->kwonlyargcount ^ code->flags;
  return h == -1 ? -2 : h;
}

const MethodDef kCodeMethods[] = {
    {"co_lines", (void*)code_co_lines, MethodKind::NoArgs},
    {"co_positions", (void*)code_co_positions, MethodKind::NoArgs},
    {"_varname_from_oparg", (void*)code_varname_from_oparg, MethodKind::OneArg},
    {"replace", (void*)code_replace, MethodKind::FastKeywords, false, false,
     "Return a copy of the code object with new values for the specified fields."},
    {"__sizeof__", (void*)code_sizeof, MethodKind::NoArgs},
    {nullptr, nullptr, MethodKind::NoArgs},
};

}  // namespace

int init_code_type() {
  TypeObject* t = &code_type;
  t->refcount = 1;
  t->Object::flags = ObjectFlag::Immortal;
  t->type = &type_type;
  t->name = t->qualname = "code";
  t->basic_size = sizeof(CodeObject);
  t->dealloc = code_dealloc;
  t->weaklist_offset = offsetof(CodeObject, weakrefs);
  t->repr = code_repr;
  t->richcompare = code_richcompare;
  t->hash = code_hash;
  t->new_ = code_new;
  add_methods(t, kCodeMethods);
  add_getsets(t, kCodeGetSets);
  if (type_ready(t) < 0) return -1;
  Ref doc = Ref::steal(str_from_ascii("Create a code object.  Not for the faint of heart."));
  return doc ? dict_set_item_str(t->dict, "__doc__", doc.get()) : -1;
}

}  // namespace krait::vm
