// Runtime code objects: constants converted to Values, names interned, the exception table
// parsed once, positions decoded from the 3.11 location table on demand.
#include "vm/code.h"

#include <cstdio>

#include "runtime/builtin_function.h"
#include "runtime/bytes.h"
#include "runtime/complex.h"
#include "runtime/descriptors.h"
#include "runtime/errors.h"
#include "runtime/float.h"
#include "runtime/int.h"
#include "runtime/memory.h"
#include "runtime/set.h"
#include "runtime/str.h"
#include "runtime/tuple.h"

namespace krait::runtime {
TypeObject code_type;
}

namespace krait::vm {

using namespace runtime;

namespace {

Value constant_to_value(const bytecode::Constant& c) {
  using Kind = bytecode::Constant::Kind;
  switch (c.kind) {
    case Kind::None: return none();
    case Kind::False: return false_value();
    case Kind::True: return true_value();
    case Kind::Ellipsis: return ellipsis();
    case Kind::Int: return int_from_mpz(c.int_value);
    case Kind::Float: return float_from_double(c.real);
    case Kind::Complex: return complex_from_doubles(c.real, c.imag);
    case Kind::Str: return str_intern(c.text);  // CPython interns name-like constants; all is fine
    case Kind::Bytes: return bytes_from(c.text);
    case Kind::Tuple:
    case Kind::FrozenSet: {
      Value t = tuple_new(c.items.size());
      if (!t) return Value();
      for (size_t i = 0; i < c.items.size(); ++i) {
        Value item = constant_to_value(*c.items[i]);
        if (!item) {
          decref(t);
          return Value();
        }
        tuple_items(t)[i] = item;
      }
      if (c.kind == Kind::Tuple) return t;
      Value fs = frozenset_new(t);
      decref(t);
      return fs;
    }
    case Kind::Code: return code_from_data(c.code);
  }
  return raise(exc::SystemError, "unknown constant kind");
}

Value names_tuple(const std::vector<std::string>& names) {
  Value t = tuple_new(names.size());
  if (!t) return Value();
  for (size_t i = 0; i < names.size(); ++i) {
    Value s = str_intern(names[i]);
    if (!s) {
      decref(t);
      return Value();
    }
    tuple_items(t)[i] = s;
  }
  return t;
}

// Exception-table varints: 6-bit chunks, most significant first, 0x40 = more follow.
int read_varint(const std::vector<uint8_t>& table, size_t& pos) {
  uint8_t b = table[pos++];
  int value = b & 63;
  while ((b & 64) && pos < table.size()) {
    b = table[pos++];
    value = (value << 6) | (b & 63);
  }
  return value;
}

void parse_exception_table(CodeObject* code) {
  const auto& table = code->data->exceptiontable;
  size_t pos = 0;
  while (pos < table.size()) {
    int start = read_varint(table, pos);
    int length = read_varint(table, pos);
    int target = read_varint(table, pos);
    int depth_lasti = read_varint(table, pos);
    code->exception_table.push_back({start, start + length, target, depth_lasti >> 1, (depth_lasti & 1) != 0});
  }
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

Value borrowed(Value v) { incref(v); return v; }
Value get_co_name(Value self) { return borrowed(as_code(self)->name); }
Value get_co_qualname(Value self) { return borrowed(as_code(self)->qualname); }
Value get_co_filename(Value self) { return borrowed(as_code(self)->filename); }
Value get_co_consts(Value self) { return borrowed(as_code(self)->consts); }
Value get_co_names(Value self) { return borrowed(as_code(self)->names); }
Value get_co_firstlineno(Value self) { return int_from_int64(as_code(self)->firstlineno); }
Value get_co_argcount(Value self) { return int_from_int64(as_code(self)->argcount); }
Value get_co_posonlyargcount(Value self) { return int_from_int64(as_code(self)->posonlyargcount); }
Value get_co_kwonlyargcount(Value self) { return int_from_int64(as_code(self)->kwonlyargcount); }
Value get_co_flags(Value self) { return int_from_int64(as_code(self)->flags); }
Value get_co_stacksize(Value self) { return int_from_int64(as_code(self)->stacksize); }
Value get_co_nlocals(Value self) { return int_from_int64(as_code(self)->nlocals); }
Value get_co_varnames(Value self) { return names_tuple(as_code(self)->data->varnames()); }
Value get_co_cellvars(Value self) { return names_tuple(as_code(self)->data->cellvars()); }
Value get_co_freevars(Value self) { return names_tuple(as_code(self)->data->freevars()); }
Value get_co_code(Value self) {
  const auto& code = as_code(self)->data->code;
  return bytes_from(std::string_view(reinterpret_cast<const char*>(code.data()), code.size()));
}
Value get_co_linetable(Value self) {
  const auto& t = as_code(self)->data->linetable;
  return bytes_from(std::string_view(reinterpret_cast<const char*>(t.data()), t.size()));
}
Value get_co_exceptiontable(Value self) {
  const auto& t = as_code(self)->data->exceptiontable;
  return bytes_from(std::string_view(reinterpret_cast<const char*>(t.data()), t.size()));
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
    {nullptr, nullptr}};

// The location table's varints: 6-bit chunks, least significant first, 0x40 = more follow.
struct LineReader {
  const std::vector<uint8_t>& t;
  size_t pos = 0;
  int read_varint() {
    int shift = 0, value = 0;
    while (pos < t.size()) {
      uint8_t b = t[pos++];
      value |= (b & 63) << shift;
      shift += 6;
      if (!(b & 64)) break;
    }
    return value;
  }
  int read_svarint() {
    int v = read_varint();
    return (v & 1) ? -(v >> 1) : (v >> 1);
  }
};

}  // namespace

Value code_from_data(std::shared_ptr<const bytecode::CodeData> data) {
  CodeObject* code = new_object<CodeObject>(&code_type);
  if (!code) return Value();
  Value self = Value::object(code);
  code->data = data;
  code->argcount = data->argcount;
  code->posonlyargcount = data->posonlyargcount;
  code->kwonlyargcount = data->kwonlyargcount;
  code->flags = data->flags;
  code->stacksize = data->stacksize;
  code->firstlineno = data->firstlineno;
  code->nlocalsplus = int(data->localsplusnames.size());
  code->localspluskinds = data->localspluskinds;
  for (uint8_t kind : data->localspluskinds) {
    if (kind & bytecode::LocalKind::Local) ++code->nlocals;
    if (kind & bytecode::LocalKind::Cell) ++code->ncells;
    if (kind & bytecode::LocalKind::Free) ++code->nfree;
  }
  code->units.resize(data->code.size() / 2);
  for (size_t i = 0; i < code->units.size(); ++i)
    code->units[i] = uint16_t(data->code[2 * i] | (data->code[2 * i + 1] << 8));
  code->consts = tuple_new(data->consts.size());
  if (!code->consts) {
    decref(self);
    return Value();
  }
  for (size_t i = 0; i < data->consts.size(); ++i) {
    Value c = constant_to_value(*data->consts[i]);
    if (!c) {
      decref(self);
      return Value();
    }
    tuple_items(code->consts)[i] = c;
  }
  code->names = names_tuple(data->names);
  code->localsplusnames = names_tuple(data->localsplusnames);
  code->filename = str_from_utf8(data->filename);
  code->name = str_intern(data->name);
  code->qualname = str_intern(data->qualname);
  if (!code->names || !code->localsplusnames || !code->filename || !code->name || !code->qualname) {
    decref(self);
    return Value();
  }
  parse_exception_table(code);
  return self;
}

Position code_position(const CodeObject* code, int index) {
  LineReader r{code->data->linetable};
  int line = code->firstlineno;
  int unit = 0;
  while (r.pos < r.t.size()) {
    uint8_t first = r.t[r.pos++];
    int kind = (first >> 3) & 15;
    int length = (first & 7) + 1;
    Position p;
    switch (kind) {
      case 15:  // no location
        break;
      case 14: {  // long form
        line += r.read_svarint();
        p.line = line;
        p.end_line = line + r.read_varint();
        p.col = r.read_varint() - 1;
        p.end_col = r.read_varint() - 1;
        break;
      }
      case 13:  // line only
        line += r.read_svarint();
        p.line = p.end_line = line;
        break;
      case 10: case 11: case 12:  // one line, columns in two bytes
        line += kind - 10;
        p.line = p.end_line = line;
        p.col = r.t[r.pos++];
        p.end_col = r.t[r.pos++];
        break;
      default: {  // short form: same line, columns packed
        uint8_t b = r.t[r.pos++];
        p.line = p.end_line = line;
        p.col = kind * 8 + (b >> 4);
        p.end_col = p.col + (b & 15);
        break;
      }
    }
    if (index < unit + length) return p;
    unit += length;
  }
  return Position{};
}

int code_line(const CodeObject* code, int index) { return code_position(code, index).line; }

const ExceptionEntry* code_find_handler(const CodeObject* code, int index) {
  for (const ExceptionEntry& e : code->exception_table)
    if (index >= e.start && index < e.end) return &e;
  return nullptr;
}

int init_code_type() {
  TypeObject* t = &code_type;
  t->refcount = 1;
  t->Object::flags = ObjectFlag::Immortal;
  t->type = &type_type;
  t->name = t->qualname = "code";
  t->basic_size = sizeof(CodeObject);
  t->dealloc = code_dealloc;
  t->repr = code_repr;
  add_getsets(t, kCodeGetSets);
  return type_ready(t);
}

}  // namespace krait::vm
