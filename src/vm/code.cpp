// Runtime code objects: constants converted to Values, names interned, the exception table
// parsed once, positions decoded from the 3.11 location table on demand.
#include "vm/code.h"

#include "vm/code_verify.h"

#include <algorithm>
#include <cstdint>

#include <cstdio>
#include <string>
#include <unordered_map>

#include "runtime/builtin_function.h"
#include "runtime/bytes.h"
#include "runtime/complex.h"
#include "runtime/descriptors.h"
#include "runtime/errors.h"
#include "runtime/float.h"
#include "runtime/int.h"
#include "runtime/memory.h"
#include "runtime/number_util.h"
#include "runtime/set.h"
#include "runtime/str.h"
#include "runtime/tuple.h"
#include "compile/unit.h"

namespace krait::vm {

using namespace runtime;

namespace {

// Converts a compilation unit's constants to Values. CPython's compiler merges equal constants
// of one unit (module or compile() call, nested functions included) into one object, by the key
// compile::constant_key spells (type and value; 0.0 and -0.0 apart; tuples item by item), so
// `def f(): return (1, 2)` gives the module's own (1, 2) and `((1, 2), (1, 2))` holds one tuple
// twice. Only heap values need the merge (equal immediates are one word; strs are interned);
// a NaN constant too, which keeps one identity (compile::constant_key tells NaN constants apart).
// A code constant is merged by its compiler data, so a tuple dropped for its merged equal (co_consts)
// never holds the only reference to something the table has.
class ConstantConverter {
 public:
  Value convert(const bytecode::Constant& c) {
    if (!merged_kind(c)) return make(c);
    std::string key = merge_key(c);
    auto it = merged_.find(key);
    if (it != merged_.end()) return new_ref(it->second);
    Value v = make(c);
    // Borrowed: the value is held by the tuple or co_consts it goes into, for the converter's life.
    if (v) merged_.emplace(std::move(key), v);
    return v;
  }

 private:
  // compile::constant_key, but a code object by its identity (the compiler has merged equal
  // code already, and its key spells the whole body), and a container's key kept by its
  // Constant, so that co_consts and nested tuples do not spell their items' keys again.
  const std::string& merge_key(const bytecode::Constant& c) {
    using Kind = bytecode::Constant::Kind;
    auto known = keys_.find(&c);
    if (known != keys_.end()) return known->second;
    std::string key;
    if (c.kind == Kind::Code) {
      key = "C" + std::to_string(reinterpret_cast<uintptr_t>(c.code.get()));
    } else if (c.kind != Kind::Tuple && c.kind != Kind::FrozenSet) {
      key = compile::constant_key(c);
    } else {
      key = items_key(c.kind, c.items);
    }
    return keys_.emplace(&c, std::move(key)).first->second;
  }

  std::string items_key(bytecode::Constant::Kind kind, const std::vector<bytecode::ConstRef>& items) {
    std::vector<const std::string*> parts;
    parts.reserve(items.size());
    for (const auto& item : items) parts.push_back(&merge_key(*item));
    if (kind == bytecode::Constant::Kind::FrozenSet)
      std::sort(parts.begin(), parts.end(), [](const std::string* a, const std::string* b) { return *a < *b; });
    return items_key_of(kind, parts);
  }

  static std::string items_key_of(bytecode::Constant::Kind kind, const std::vector<const std::string*>& parts) {
    std::string key(1, char(kind));
    key += std::to_string(parts.size());
    for (const std::string* part : parts) {
      key += '(';
      key += std::to_string(part->size());
      key += ':';
      key += *part;
    }
    return key;
  }

  static bool merged_kind(const bytecode::Constant& c) {
    using Kind = bytecode::Constant::Kind;
    switch (c.kind) {
      case Kind::Int: return !(c.int_value.fits_slong_p() && Value::fits_small_int(c.int_value.get_si()));
      case Kind::Float: return c.real != c.real;
      case Kind::Complex: case Kind::Bytes: case Kind::Tuple: case Kind::FrozenSet: case Kind::Code: return true;
      default: return false;
    }
  }

  Value make(const bytecode::Constant& c) {
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
          Value item = convert(*c.items[i]);
          if (!item) {
            decref(t);
            return Value();
          }
          tuple_items(t)[i] = item;
        }
        if (c.kind == Kind::Tuple) return t;
        // CPython's compiler builds the frozenset from the items in source order, then its
        // constant merging re-creates it from that set's iteration order (merge_consts_recursive):
        // two insertion passes, which decide the order a printed set shows.
        Ref first = Ref::steal(frozenset_new(t));
        decref(t);
        if (!first) return Value();
        Ref order = Ref::steal(tuple_from_iterable(first.get()));
        if (!order) return Value();
        return frozenset_new(order.get());
      }
      case Kind::Code: return code_with_constants(c.code);
    }
    return raise(exc::SystemError, "unknown constant kind");
  }

  // CPython merges each code object's co_consts and co_names tuples with the unit's equal tuple
  // constants too (makecode): a comprehension's co_consts `(3,)` is the module's `(3,)`.
  // `*slot` holds a new tuple, the items `items` spell; it may be replaced by the merged one.
  void merge_tuple(Value* slot, std::string key) {
    auto it = merged_.find(key);
    if (it == merged_.end()) {
      merged_.emplace(std::move(key), *slot);
      return;
    }
    Value own = *slot;
    *slot = new_ref(it->second);
    decref(own);
  }

  void merge_consts_and_names(CodeObject* code, const bytecode::CodeData& data) {
    merge_tuple(&code->consts, items_key(bytecode::Constant::Kind::Tuple, data.consts));
    bytecode::Constant name;  // one Constant reused: only its key is needed
    name.kind = bytecode::Constant::Kind::Str;
    std::vector<std::string> name_keys;
    name_keys.reserve(data.names.size());
    for (const std::string& text : data.names) {
      name.text = text;
      name_keys.push_back(compile::constant_key(name));
    }
    std::vector<const std::string*> parts;
    for (const std::string& k : name_keys) parts.push_back(&k);
    merge_tuple(&code->names, items_key_of(bytecode::Constant::Kind::Tuple, parts));
  }

 public:
  Value code_with_constants(std::shared_ptr<const bytecode::CodeData> data);

 private:
  std::unordered_map<std::string, Value> merged_;
  // Keys by Constant: the compiler's data outlives the converter.
  std::unordered_map<const bytecode::Constant*, std::string> keys_;
};

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

// Exception-table varints: 6-bit chunks, most significant first, 0x40 = more follow. A code
// object from bytes is parsed before the verifier has seen it (it runs before the first frame),
// so values are computed without overflow and capped; the verifier refuses such tables.
int read_varint(const std::vector<uint8_t>& table, size_t& pos) {
  if (pos >= table.size()) return 0;  // verified tables never end early
  uint8_t b = table[pos++];
  uint64_t value = b & 63;
  while ((b & 64) && pos < table.size()) {
    b = table[pos++];
    value = std::min<uint64_t>((value << 6) | (b & 63), INT32_MAX);
  }
  return int(value);
}

void parse_exception_table(CodeObject* code) {
  const auto& table = code->shape->exceptiontable;
  size_t pos = 0;
  while (pos < table.size()) {
    int start = read_varint(table, pos);
    int length = read_varint(table, pos);
    int target = read_varint(table, pos);
    int depth_lasti = read_varint(table, pos);
    int end = int(std::min<int64_t>(int64_t(start) + length, INT32_MAX));
    code->exception_table.push_back({start, end, target, depth_lasti >> 1, (depth_lasti & 1) != 0});
  }
}

// The fields every code object derives from its shape (everything but co_consts). filename,
// name and qualname are taken as given when not null (CodeType(...) keeps str subclasses); so
// are the names tuples (marshal has read them as interned strs already).
Value code_from_shape(std::shared_ptr<const bytecode::CodeData> shape, Value filename, Value name, Value qualname,
                      Value names = Value(), Value localsplusnames = Value()) {
  CodeObject* code = new_object<CodeObject>(&code_type);
  if (!code) return Value();
  Value self = Value::object(code);
  const bytecode::CodeData& data = *shape;
  code->shape = shape;
  code->argcount = data.argcount;
  code->posonlyargcount = data.posonlyargcount;
  code->kwonlyargcount = data.kwonlyargcount;
  code->flags = data.flags;
  code->stacksize = data.stacksize;
  code->firstlineno = data.firstlineno;
  code->nlocalsplus = int(localsplusnames ? tuple_size(localsplusnames) : data.localsplusnames.size());
  code->localspluskinds = data.localspluskinds;
  for (uint8_t kind : data.localspluskinds) {
    if (kind & bytecode::LocalKind::Local) ++code->nlocals;
    if (kind & bytecode::LocalKind::Cell) ++code->ncells;
    if (kind & bytecode::LocalKind::Free) ++code->nfree;
  }
  code->units.resize(data.code.size() / 2);
  for (size_t i = 0; i < code->units.size(); ++i)
    code->units[i] = uint16_t(data.code[2 * i] | (data.code[2 * i + 1] << 8));
  code->names = names ? new_ref(names) : names_tuple(data.names);
  code->localsplusnames = localsplusnames ? new_ref(localsplusnames) : names_tuple(data.localsplusnames);
  code->filename = filename ? new_ref(filename) : str_from_utf8(data.filename);
  code->name = name ? new_ref(name) : str_intern(data.name);
  code->qualname = qualname ? new_ref(qualname) : str_intern(data.qualname);
  if (!code->names || !code->localsplusnames || !code->filename || !code->name || !code->qualname) {
    decref(self);
    return Value();
  }
  parse_exception_table(code);
  return self;
}

}  // namespace

Value constant_to_value(const bytecode::Constant& c) {
  ConstantConverter converter;
  return converter.convert(c);
}

// A compile-time constant for a value of co_consts, or null when none can stand for it.
bytecode::ConstRef to_constant(Value v) {
  using bytecode::Constant;
  if (v == none()) return Constant::none();
  if (v == true_value()) return Constant::boolean(true);
  if (v == false_value()) return Constant::boolean(false);
  if (v == ellipsis()) return Constant::ellipsis();
  if (v.is_small_int()) return Constant::integer(mpz_class(static_cast<long>(v.as_small_int())));
  if (v.is_float()) return Constant::floating(v.as_float());
  TypeObject* type = v.as_object()->type;
  if (type == &int_type) return Constant::integer(int_to_mpz(v));
  if (type == &complex_type) return Constant::complex(complex_real(v), complex_imag(v));
  if (type == &str_type) return Constant::str(std::string(str_utf8(v)));
  if (type == &bytes_type) return Constant::bytes(std::string(bytes_view(v)));
  if (type == &code_type) {
    const CodeObject* code = as_code(v);
    std::shared_ptr<const bytecode::CodeData> data = code_marshal_data(v);
    return data ? Constant::code_object(std::move(data)) : nullptr;
  }
  std::vector<bytecode::ConstRef> items;
  if (type == &tuple_type) {
    for (size_t i = 0; i < tuple_size(v); ++i) {
      bytecode::ConstRef item = to_constant(tuple_get(v, i));
      if (!item) return nullptr;
      items.push_back(std::move(item));
    }
    return Constant::tuple(std::move(items));
  }
  if (type == &frozenset_type) {
    size_t pos = 0;
    Value item;
    while (set_next(v, &pos, &item)) {
      bytecode::ConstRef c = to_constant(item);
      if (!c) return nullptr;
      items.push_back(std::move(c));
    }
    return Constant::frozenset(std::move(items));
  }
  return nullptr;
}

namespace {

std::vector<uint8_t> bytes_vector(Value b) {
  std::string_view view = bytes_view(b);
  return std::vector<uint8_t>(view.begin(), view.end());
}

std::vector<std::string> utf8_names(Value tuple) {
  std::vector<std::string> out;
  for (size_t i = 0; i < tuple_size(tuple); ++i) out.emplace_back(str_utf8(tuple_get(tuple, i)));
  return out;
}

// PyCode_NewWithPosOnlyArgs's localsplus: varnames, then cells (a cell that is also a varname
// marks that slot instead), then free variables.
void build_localsplus(const CodeFields& f, bytecode::CodeData& d) {
  namespace LocalKind = bytecode::LocalKind;
  d.localsplusnames = utf8_names(f.varnames);
  d.localspluskinds.assign(d.localsplusnames.size(), LocalKind::Local);
  size_t nvarnames = d.localsplusnames.size();
  for (size_t i = 0; i < tuple_size(f.cellvars); ++i) {
    std::string name(str_utf8(tuple_get(f.cellvars, i)));
    size_t j = 0;
    while (j < nvarnames && d.localsplusnames[j] != name) ++j;
    if (j < nvarnames) {
      d.localspluskinds[j] = uint8_t(LocalKind::Local | LocalKind::Cell);
      continue;
    }
    d.localsplusnames.push_back(name);
    d.localspluskinds.push_back(LocalKind::Cell);
  }
  for (size_t i = 0; i < tuple_size(f.freevars); ++i) {
    d.localsplusnames.emplace_back(str_utf8(tuple_get(f.freevars, i)));
    d.localspluskinds.push_back(LocalKind::Free);
  }
}

int kwnames_length(Value consts, size_t i) {
  Value c = tuple_get(consts, i);
  if (!is_tuple(c)) return -1;
  for (size_t k = 0; k < tuple_size(c); ++k)
    if (!is_str(tuple_get(c, k))) return -1;
  return int(tuple_size(c));
}

}  // namespace

Value code_from_data(std::shared_ptr<const bytecode::CodeData> data) {
  ConstantConverter converter;
  return converter.code_with_constants(std::move(data));
}

Value ConstantConverter::code_with_constants(std::shared_ptr<const bytecode::CodeData> data) {
  Value self = code_from_shape(data, Value(), Value(), Value());
  if (!self) return Value();
  CodeObject* code = as_code(self);
  code->data = data;
  code->consts = tuple_new(data->consts.size());
  if (!code->consts) {
    decref(self);
    return Value();
  }
  for (size_t i = 0; i < data->consts.size(); ++i) {
    Value c = convert(*data->consts[i]);
    if (!c) {
      decref(self);
      return Value();
    }
    tuple_items(code->consts)[i] = c;
  }
  merge_consts_and_names(code, *data);
  return self;
}

Value code_from_marshal(std::shared_ptr<const bytecode::CodeData> shape, Value consts, Value names,
                        Value localsplusnames, Value filename, Value name, Value qualname) {
  Value self = code_from_shape(std::move(shape), filename, name, qualname, names, localsplusnames);
  if (!self) return Value();
  as_code(self)->consts = new_ref(consts);
  as_code(self)->unverified = true;
  return self;
}

bool verify_before_run(CodeObject* code) {
  const bytecode::CodeData& d = *code->shape;
  std::string why;
  if (d.posonlyargcount < 0 || d.posonlyargcount > d.argcount) {
    why = "co_posonlyargcount is out of range";
  } else if (d.localspluskinds.size() != tuple_size(code->localsplusnames)) {
    why = "co_localspluskinds and co_localsplusnames differ in length";
  } else {
    VerifyInput in;
    in.code = d.code;
    in.exceptiontable = d.exceptiontable;
    in.localspluskinds = d.localspluskinds;
    in.nconsts = tuple_size(code->consts);
    in.nnames = tuple_size(code->names);
    in.argcount = d.argcount;
    in.kwonlyargcount = d.kwonlyargcount;
    in.flags = d.flags;
    in.stacksize = d.stacksize;
    Value consts = code->consts;
    in.kwnames_length = [consts](size_t i) { return kwnames_length(consts, i); };
    if (verify_code_input(in, &why)) why.clear();
    else if (why.empty()) why = "rejected";
  }
  if (!why.empty()) {
    raise(exc::ValueError, "code: invalid bytecode: " + std::string(str_utf8(code->qualname)) + ": " + why);
    return false;
  }
  code->unverified = false;
  return true;
}

void mark_unverified(Value v) {
  CodeObject* code = as_code(v);
  code->unverified = true;
  for (size_t i = 0; i < tuple_size(code->consts); ++i)
    if (is_code(tuple_get(code->consts, i))) mark_unverified(tuple_get(code->consts, i));
}

std::shared_ptr<const bytecode::CodeData> code_marshal_data(Value v) {
  CodeObject* code = as_code(v);
  if (code->data) return code->data;
  auto data = std::make_shared<bytecode::CodeData>(*code->shape);
  // The names as the code object has them (marshal leaves them out of the shape).
  auto names_of = [](Value tuple, std::vector<std::string>* out) {
    out->clear();
    for (size_t i = 0; i < tuple_size(tuple); ++i) out->emplace_back(str_utf8(tuple_get(tuple, i)));
  };
  names_of(code->names, &data->names);
  names_of(code->localsplusnames, &data->localsplusnames);
  data->filename = str_utf8(code->filename);
  data->name = str_utf8(code->name);
  data->qualname = str_utf8(code->qualname);
  data->consts.clear();
  for (size_t i = 0; i < tuple_size(code->consts); ++i) {
    bytecode::ConstRef c = to_constant(tuple_get(code->consts, i));
    if (!c) return nullptr;
    data->consts.push_back(std::move(c));
  }
  code->data = data;
  return data;
}

Value code_from_fields(const CodeFields& f) {
  // _PyCode_Validate's checks, in its order, with its messages.
  if (f.argcount < f.posonlyargcount || f.posonlyargcount < 0 || f.kwonlyargcount < 0 ||
      f.stacksize < 0 || f.flags < 0)
    return raise(exc::SystemError, "bad argument to internal function");
  if (bytes_size(f.code) % 2 != 0) return raise(exc::ValueError, "code: co_code is malformed");
  auto shape = std::make_shared<bytecode::CodeData>();
  bytecode::CodeData& d = *shape;
  build_localsplus(f, d);
  int nplain = d.nlocals() - f.argcount - f.kwonlyargcount - ((f.flags & bytecode::CodeFlag::VarArgs) != 0) -
               ((f.flags & bytecode::CodeFlag::VarKeywords) != 0);
  if (nplain < 0) return raise(exc::ValueError, "code: co_varnames is too small");
  if (size_t(f.nlocals) != tuple_size(f.varnames))
    return raise(exc::ValueError, "code: co_nlocals != len(co_varnames)");
  d.argcount = f.argcount;
  d.posonlyargcount = f.posonlyargcount;
  d.kwonlyargcount = f.kwonlyargcount;
  d.stacksize = f.stacksize;
  d.flags = f.flags;
  d.firstlineno = f.firstlineno;
  d.code = bytes_vector(f.code);
  d.names = utf8_names(f.names);
  d.filename = str_utf8(f.filename);
  d.name = str_utf8(f.name);
  d.qualname = str_utf8(f.qualname);
  d.linetable = bytes_vector(f.linetable);
  d.exceptiontable = bytes_vector(f.exceptiontable);
  bool representable = true;
  for (size_t i = 0; i < tuple_size(f.consts) && representable; ++i) {
    bytecode::ConstRef c = to_constant(tuple_get(f.consts, i));
    if (c) d.consts.push_back(std::move(c));
    else representable = false;
  }
  if (!representable) d.consts.clear();

  VerifyInput in;
  in.code = d.code;
  in.exceptiontable = d.exceptiontable;
  in.localspluskinds = d.localspluskinds;
  in.nconsts = tuple_size(f.consts);
  in.nnames = d.names.size();
  in.argcount = d.argcount;
  in.kwonlyargcount = d.kwonlyargcount;
  in.flags = d.flags;
  in.stacksize = d.stacksize;
  in.kwnames_length = [&f](size_t i) { return kwnames_length(f.consts, i); };
  std::string why;
  if (!verify_code_input(in, &why)) return raise(exc::ValueError, "code: invalid bytecode: " + why);

  Value self = code_from_shape(shape, f.filename, f.name, f.qualname);
  if (!self) return Value();
  CodeObject* code = as_code(self);
  if (representable) code->data = shape;
  code->consts = new_ref(f.consts);
  return self;
}

bool LineTableWalker::next(LineTableEntry* out) {
  if (pos_ >= table_.size()) return false;
  uint8_t first = table_[pos_++];
  int kind = (first >> 3) & 15;
  int length = (first & 7) + 1;
  Position p;
  switch (kind) {
    case 15:  // no location
      break;
    case 14: {  // long form
      line_ += read_svarint();
      p.line = line_;
      p.end_line = line_ + read_varint();
      p.col = read_varint() - 1;
      p.end_col = read_varint() - 1;
      break;
    }
    case 13:  // line only
      line_ += read_svarint();
      p.line = p.end_line = line_;
      break;
    case 10: case 11: case 12:  // one line, columns in two bytes
      line_ += kind - 10;
      p.line = p.end_line = line_;
      p.col = read_byte();
      p.end_col = read_byte();
      break;
    default: {  // short form: same line, columns packed
      int b = read_byte();
      p.line = p.end_line = line_;
      p.col = kind * 8 + ((b >> 4) & 7);
      p.end_col = p.col + (b & 15);
      break;
    }
  }
  // As CPython, the next entry starts at the next byte with the top bit set.
  while (pos_ < table_.size() && !(table_[pos_] & 128)) ++pos_;
  out->start = unit_;
  out->end = unit_ + length;
  out->position = p;
  out->computed_line = line_;
  unit_ += length;
  return true;
}

// The location table's varints: 6-bit chunks, least significant first, 0x40 = more follow.
int LineTableWalker::read_varint() {
  int shift = 0;
  unsigned value = 0;
  while (pos_ < table_.size()) {
    uint8_t b = table_[pos_++];
    if (shift < 30) value |= unsigned(b & 63) << shift;
    shift += 6;
    if (!(b & 64)) break;
  }
  return int(value & 0x7fffffff);
}

int LineTableWalker::read_svarint() {
  int v = read_varint();
  return (v & 1) ? -(v >> 1) : (v >> 1);
}

Position code_position(const CodeObject* code, int index) {
  LineTableWalker walker(code->shape->linetable, code->firstlineno);
  LineTableEntry e;
  while (walker.next(&e))
    if (index < e.end) return index >= e.start ? e.position : Position{};
  return Position{};
}

int code_line(const CodeObject* code, int index) { return code_position(code, index).line; }

const ExceptionEntry* code_find_handler(const CodeObject* code, int index) {
  for (const ExceptionEntry& e : code->exception_table)
    if (index >= e.start && index < e.end) return &e;
  return nullptr;
}

}  // namespace krait::vm
