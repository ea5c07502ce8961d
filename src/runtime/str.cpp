// str: storage (PEP 393 kinds), construction, interning, hashing, comparison, repr, the type's
// slots. The methods are in str_methods.cpp, formatting in str_format.cpp.
#include "runtime/str.h"

#include "runtime/iter_pickle.h"

#include <cstdarg>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <unordered_map>
#include <unordered_set>

#include "runtime/abstract.h"
#include "runtime/bytes.h"
#include "runtime/coll_util.h"
#include "runtime/errors.h"
#include "runtime/hash.h"
#include "runtime/int.h"
#include "runtime/memory.h"
#include "runtime/slice.h"
#include "runtime/str_builder.h"
#include "runtime/str_impl.h"
#include "runtime/tuple.h"
#include "support/unicode.h"
#include "support/utf8.h"

namespace krait::runtime {

TypeObject str_type, str_iterator_type;
TypeObject str_ascii_iterator_type;  // CPython 3.11 iterates ASCII strs with its own type

namespace {

int kind_for(char32_t maxchar) { return maxchar < 256 ? 1 : maxchar < 65536 ? 2 : 4; }

StrObject* allocate_str(TypeObject* type, size_t length, char32_t maxchar) {
  int kind = kind_for(maxchar);
  Object* memory = allocate_object(type, instance_size(type, (length + 1) * kind));
  if (memory == nullptr) return nullptr;
  StrObject* s = static_cast<StrObject*>(memory);
  s->length = static_cast<int64_t>(length);
  s->hash = -1;
  s->kind = static_cast<uint8_t>(kind);
  s->ascii = maxchar < 128;
  s->utf8 = nullptr;
  s->utf8_size = 0;
  return s;
}

Value g_empty;
Value g_latin1[256];

struct InternHash {
  size_t operator()(StrObject* s) const { return static_cast<size_t>(str_hash(Value::object(s))); }
};
struct InternEqual {
  bool operator()(StrObject* a, StrObject* b) const {
    return str_equal(Value::object(a), Value::object(b));
  }
};
// Never destroyed: interned strings live until the process ends, and a table torn down by
// static destructors would leave them unreachable (and other exit-time code may still intern).
std::unordered_set<StrObject*, InternHash, InternEqual>& intern_table() {
  static auto* table = new std::unordered_set<StrObject*, InternHash, InternEqual>();
  return *table;
}

}  // namespace

// --- StrBuilder ------------------------------------------------------------------------------

void StrBuilder::push_utf8(std::string_view text) {
  size_t pos = 0;
  while (pos < text.size()) {
    unsigned char c = static_cast<unsigned char>(text[pos]);
    if (c < 0x80) {
      push(c);
      ++pos;
      continue;
    }
    int32_t cp = utf8::decode(text, pos);
    push(cp < 0 ? 0xFFFD : static_cast<char32_t>(cp));
  }
}

void StrBuilder::append(Value str, size_t start, size_t end) {
  if (start >= end) return;
  const StrObject* s = as_str(str);
  if (s->kind == 1 && !wide_) {
    latin1_.append(reinterpret_cast<const char*>(s->data) + start, end - start);
    if (!s->ascii) {
      for (size_t i = start; i < end; ++i) {
        if (s->data[i] > maxchar_) maxchar_ = s->data[i];
      }
    } else if (maxchar_ < 128) {
      for (size_t i = start; i < end; ++i) {
        if (s->data[i] > maxchar_) maxchar_ = s->data[i];
      }
    }
    return;
  }
  for (size_t i = start; i < end; ++i) push(str_char(str, i));
}

Value StrBuilder::finish() {
  if (!wide_) return str_from_latin1(latin1_);
  return str_from_codepoints(utf32_.data(), utf32_.size());
}

// --- type checks -----------------------------------------------------------------------------


// --- construction ----------------------------------------------------------------------------

Value str_empty() {
  if (g_empty.is_null()) {
    StrObject* s = allocate_str(&str_type, 0, 0);
    if (s == nullptr) return Value();
    g_empty = Value::object(s);
  }
  incref(g_empty);
  return g_empty;
}

Value str_from_char(char32_t cp) {
  if (cp < 256) {
    if (g_latin1[cp].is_null()) {
      StrObject* s = allocate_str(&str_type, 1, cp);
      if (s == nullptr) return Value();
      s->data[0] = static_cast<unsigned char>(cp);
      g_latin1[cp] = Value::object(s);
    }
    incref(g_latin1[cp]);
    return g_latin1[cp];
  }
  StrObject* s = allocate_str(&str_type, 1, cp);
  if (s == nullptr) return Value();
  Value v = Value::object(s);
  str_write(v, 0, cp);
  return v;
}

Value str_new(size_t length, char32_t maxchar) {
  StrObject* s = allocate_str(&str_type, length, maxchar);
  return s == nullptr ? Value() : Value::object(s);
}

void str_write(Value v, size_t i, char32_t cp) {
  StrObject* s = as_str(v);
  switch (s->kind) {
    case 1: s->data[i] = static_cast<unsigned char>(cp); break;
    case 2: reinterpret_cast<uint16_t*>(s->data)[i] = static_cast<uint16_t>(cp); break;
    default: reinterpret_cast<uint32_t*>(s->data)[i] = cp; break;
  }
}

Value str_from_latin1(std::string_view bytes) {
  if (bytes.empty()) return str_empty();
  if (bytes.size() == 1) return str_from_char(static_cast<unsigned char>(bytes[0]));
  char32_t maxchar = 0;
  for (unsigned char c : bytes) {
    if (c > maxchar) maxchar = c;
  }
  StrObject* s = allocate_str(&str_type, bytes.size(), maxchar);
  if (s == nullptr) return Value();
  std::memcpy(s->data, bytes.data(), bytes.size());
  return Value::object(s);
}

Value str_from_ascii(std::string_view ascii) { return str_from_latin1(ascii); }

Value str_from_codepoints(const char32_t* cps, size_t n) {
  if (n == 0) return str_empty();
  if (n == 1) return str_from_char(cps[0]);
  char32_t maxchar = 0;
  for (size_t i = 0; i < n; ++i) {
    if (cps[i] > maxchar) maxchar = cps[i];
  }
  StrObject* s = allocate_str(&str_type, n, maxchar);
  if (s == nullptr) return Value();
  Value v = Value::object(s);
  switch (s->kind) {
    case 1:
      for (size_t i = 0; i < n; ++i) s->data[i] = static_cast<unsigned char>(cps[i]);
      break;
    case 2: {
      uint16_t* d = reinterpret_cast<uint16_t*>(s->data);
      for (size_t i = 0; i < n; ++i) d[i] = static_cast<uint16_t>(cps[i]);
      break;
    }
    default:
      std::memcpy(s->data, cps, n * 4);
      break;
  }
  return v;
}

Value str_from_u32(std::u32string_view cps) { return str_from_codepoints(cps.data(), cps.size()); }

Value str_from_utf8(std::string_view utf8) {
  bool ascii = true;
  for (unsigned char c : utf8) {
    if (c >= 0x80) {
      ascii = false;
      break;
    }
  }
  if (ascii) return str_from_latin1(utf8);
  StrBuilder builder;
  builder.reserve(utf8.size());
  builder.push_utf8(utf8);
  return builder.finish();
}

Value str_from_format(const char* format, ...) {
  va_list args;
  va_start(args, format);
  char buffer[512];
  va_list copy;
  va_copy(copy, args);
  int n = std::vsnprintf(buffer, sizeof buffer, format, copy);
  va_end(copy);
  std::string text;
  if (n >= 0 && static_cast<size_t>(n) < sizeof buffer) {
    text.assign(buffer, static_cast<size_t>(n));
  } else if (n >= 0) {
    text.resize(static_cast<size_t>(n) + 1);
    std::vsnprintf(text.data(), text.size(), format, args);
    text.resize(static_cast<size_t>(n));
  }
  va_end(args);
  return str_from_utf8(text);
}

// --- interning -------------------------------------------------------------------------------

Value intern(Value str) {
  if (str.is_null() || !is_str_exact(str)) return str;
  StrObject* s = as_str(str);
  if (s->flags & ObjectFlag::Interned) return str;
  auto& table = intern_table();
  auto it = table.find(s);
  if (it != table.end()) {
    Value found = Value::object(*it);
    incref(found);
    decref(str);
    return found;
  }
  // The table keeps one reference: interned strings live as long as the process.
  s->flags |= ObjectFlag::Interned;
  table.insert(s);
  incref(str);
  return str;
}

// The interned strs by their UTF-8 text, so that interning a C++ name (get_attr(o, "x"),
// dict_set_item_str...) finds an existing str without building one. Keys view the strs' own
// UTF-8, which lives as long as they do: forever. Never destroyed, as intern_table().
std::unordered_map<std::string_view, StrObject*>& interned_by_text() {
  static auto* table = new std::unordered_map<std::string_view, StrObject*>();
  return *table;
}

Value str_intern(std::string_view utf8) {
  auto& by_text = interned_by_text();
  auto it = by_text.find(utf8);
  if (it != by_text.end()) {
    Value found = Value::object(it->second);
    incref(found);
    return found;
  }
  Value s = intern(str_from_utf8(utf8));
  if (s.is_null()) return s;
  std::string_view text = str_utf8(s);
  if (text.data() != nullptr) by_text.emplace(text, as_str(s));
  return s;
}

bool str_is_interned(Value str) { return (as_str(str)->flags & ObjectFlag::Interned) != 0; }

// --- access ----------------------------------------------------------------------------------

std::string_view str_utf8(Value v) {
  StrObject* s = as_str(v);
  if (s->ascii) return {reinterpret_cast<const char*>(s->data), static_cast<size_t>(s->length)};
  if (s->utf8 == nullptr) {
    std::string text;
    text.reserve(static_cast<size_t>(s->length) * 2);
    for (int64_t i = 0; i < s->length; ++i) utf8::append(text, str_char(v, static_cast<size_t>(i)));
    char* buffer = static_cast<char*>(std::malloc(text.size() + 1));
    if (buffer == nullptr) return {};
    std::memcpy(buffer, text.c_str(), text.size() + 1);
    s->utf8 = buffer;
    s->utf8_size = static_cast<int64_t>(text.size());
  }
  return {s->utf8, static_cast<size_t>(s->utf8_size)};
}

const char* str_cstr(Value v) { return str_utf8(v).data(); }

std::string str_to_utf8(Value v) { return std::string(str_utf8(v)); }

std::u32string str_to_u32(Value v) {
  size_t n = str_length(v);
  std::u32string out(n, U'\0');
  for (size_t i = 0; i < n; ++i) out[i] = str_char(v, i);
  return out;
}

// --- operations ------------------------------------------------------------------------------

bool str_equal(Value a, Value b) {
  if (a.is(b)) return true;
  const StrObject* x = as_str(a);
  const StrObject* y = as_str(b);
  if (x->length != y->length || x->kind != y->kind) return false;
  if (x->hash != -1 && y->hash != -1 && x->hash != y->hash) return false;
  return std::memcmp(x->data, y->data, static_cast<size_t>(x->length) * x->kind) == 0;
}

bool str_equal_ascii(Value a, std::string_view ascii) {
  const StrObject* x = as_str(a);
  return x->kind == 1 && static_cast<size_t>(x->length) == ascii.size() &&
         std::memcmp(x->data, ascii.data(), ascii.size()) == 0;
}

int str_compare(Value a, Value b) {
  size_t n = str_length(a), m = str_length(b);
  size_t common = n < m ? n : m;
  if (str_kind(a) == 1 && str_kind(b) == 1) {
    int c = std::memcmp(str_data(a), str_data(b), common);
    if (c != 0) return c < 0 ? -1 : 1;
  } else {
    for (size_t i = 0; i < common; ++i) {
      char32_t x = str_char(a, i), y = str_char(b, i);
      if (x != y) return x < y ? -1 : 1;
    }
  }
  return n < m ? -1 : n > m ? 1 : 0;
}

int64_t str_hash(Value v) {
  StrObject* s = as_str(v);
  if (s->hash == -1) s->hash = hash_bytes(s->data, static_cast<size_t>(s->length) * s->kind);
  return s->hash;
}

Value str_substring(Value v, size_t start, size_t end) {
  size_t n = str_length(v);
  if (end > n) end = n;
  if (start >= end) return str_empty();
  if (start == 0 && end == n && is_str_exact(v)) {
    incref(v);
    return v;
  }
  if (end - start == 1) return str_from_char(str_char(v, start));
  const StrObject* s = as_str(v);
  char32_t maxchar = 0;
  if (s->ascii) {
    maxchar = 127;
  } else {
    for (size_t i = start; i < end; ++i) {
      char32_t c = str_char(v, i);
      if (c > maxchar) maxchar = c;
    }
  }
  StrObject* out = allocate_str(&str_type, end - start, maxchar);
  if (out == nullptr) return Value();
  Value result = Value::object(out);
  if (out->kind == s->kind) {
    std::memcpy(out->data, s->data + start * s->kind, (end - start) * s->kind);
  } else {
    for (size_t i = start; i < end; ++i) str_write(result, i - start, str_char(v, i));
  }
  if (maxchar < 128) out->ascii = true;
  return result;
}

Value str_concat(Value a, Value b) {
  size_t n = str_length(a), m = str_length(b);
  if (m == 0 && is_str_exact(a)) {
    incref(a);
    return a;
  }
  if (n == 0 && is_str_exact(b)) {
    incref(b);
    return b;
  }
  const StrObject* x = as_str(a);
  const StrObject* y = as_str(b);
  if (x->kind == 1 && y->kind == 1) {
    char32_t maxchar = (x->ascii && y->ascii) ? 127 : 255;
    StrObject* out = allocate_str(&str_type, n + m, maxchar);
    if (out == nullptr) return Value();
    std::memcpy(out->data, x->data, n);
    std::memcpy(out->data + n, y->data, m);
    return Value::object(out);
  }
  StrBuilder builder;
  builder.reserve(n + m);
  builder.append(a);
  builder.append(b);
  return builder.finish();
}

int64_t str_find_char(Value v, char32_t cp, size_t start, size_t end) {
  size_t n = str_length(v);
  if (end > n) end = n;
  if (str_kind(v) == 1) {
    if (cp > 255 || start >= end) return -1;
    const void* p = std::memchr(static_cast<const unsigned char*>(str_data(v)) + start, static_cast<int>(cp), end - start);
    return p == nullptr ? -1 : static_cast<const unsigned char*>(p) - static_cast<const unsigned char*>(str_data(v));
  }
  for (size_t i = start; i < end; ++i) {
    if (str_char(v, i) == cp) return static_cast<int64_t>(i);
  }
  return -1;
}

// --- repr ------------------------------------------------------------------------------------

namespace {
constexpr char kHexDigits[] = "0123456789abcdef";
void append_hex(std::string& out, uint32_t value, int digits) {
  for (int shift = (digits - 1) * 4; shift >= 0; shift -= 4) out += kHexDigits[(value >> shift) & 0xF];
}
}  // namespace

std::string str_repr_utf8(Value v) {
  size_t n = str_length(v);
  bool has_single = str_find_char(v, '\'', 0, n) >= 0;
  bool has_double = str_find_char(v, '"', 0, n) >= 0;
  char quote = has_single && !has_double ? '"' : '\'';
  std::string out;
  out.reserve(n + 2);
  out += quote;
  for (size_t i = 0; i < n; ++i) {
    char32_t c = str_char(v, i);
    if (c == static_cast<char32_t>(quote) || c == '\\') {
      out += '\\';
      out += static_cast<char>(c);
    } else if (c == '\t') {
      out += "\\t";
    } else if (c == '\n') {
      out += "\\n";
    } else if (c == '\r') {
      out += "\\r";
    } else if (c < 0x20 || c == 0x7F) {
      out += "\\x";
      append_hex(out, c, 2);
    } else if (c < 0x7F) {
      out += static_cast<char>(c);
    } else if (unicode::is_printable(c)) {
      utf8::append(out, c);
    } else if (c <= 0xFF) {
      out += "\\x";
      append_hex(out, c, 2);
    } else if (c <= 0xFFFF) {
      out += "\\u";
      append_hex(out, c, 4);
    } else {
      out += "\\U";
      append_hex(out, c, 8);
    }
  }
  out += quote;
  return out;
}

Value str_repr(Value v) {
  if (str_is_ascii(v)) {
    // Fast path: printable ASCII without quotes or backslashes needs no escaping.
    const unsigned char* d = static_cast<const unsigned char*>(str_data(v));
    size_t n = str_length(v);
    bool plain = true;
    for (size_t i = 0; i < n && plain; ++i) plain = d[i] >= 0x20 && d[i] < 0x7F && d[i] != '\'' && d[i] != '\\';
    if (plain) {
      StrObject* out = allocate_str(&str_type, n + 2, 127);
      if (out == nullptr) return Value();
      out->data[0] = '\'';
      std::memcpy(out->data + 1, d, n);
      out->data[n + 1] = '\'';
      return Value::object(out);
    }
  }
  return str_from_utf8(str_repr_utf8(v));
}

// --- slots -----------------------------------------------------------------------------------

namespace {

size_t str_var_bytes(const Object* self) {
  const StrObject* s = static_cast<const StrObject*>(self);
  return static_cast<size_t>(s->length + 1) * s->kind;
}

void str_dealloc(Object* self) {
  StrObject* s = static_cast<StrObject*>(self);
  std::free(s->utf8);
  s->utf8 = nullptr;
  free_object(self);
}

Value str_str_slot(Value self) {
  if (is_str_exact(self)) {
    incref(self);
    return self;
  }
  return str_substring(self, 0, str_length(self));
}

int64_t str_hash_slot(Value self) { return str_hash(self); }

Value str_richcompare(Value a, Value b, CompareOp op) {
  if (!is_str(a) || !is_str(b)) {
    incref(not_implemented());
    return not_implemented();
  }
  bool result;
  if (op == CompareOp::Eq || op == CompareOp::Ne) {
    result = str_equal(a, b) == (op == CompareOp::Eq);
  } else {
    int c = str_compare(a, b);
    switch (op) {
      case CompareOp::Lt: result = c < 0; break;
      case CompareOp::Le: result = c <= 0; break;
      case CompareOp::Gt: result = c > 0; break;
      default: result = c >= 0; break;
    }
  }
  Value r = bool_value(result);
  incref(r);
  return r;
}

Value str_concat_slot(Value a, Value b) {
  if (!is_str(a)) {
    return raise_format(exc::TypeError, "descriptor '__add__' requires a 'str' object but received a '%s'",
                        coll::type_name(a));
  }
  if (!is_str(b)) {
    return raise_format(exc::TypeError, "can only concatenate str (not \"%s\") to str", coll::type_name(b));
  }
  return str_concat(a, b);
}

Value str_repeat(Value self, int64_t count) {
  size_t n = str_length(self);
  if (count <= 0 || n == 0) return str_empty();
  if (count == 1 && is_str_exact(self)) {
    incref(self);
    return self;
  }
  if (static_cast<uint64_t>(count) > static_cast<uint64_t>(INT64_MAX) / n / 4) {
    return raise(exc::OverflowError, "repeated string is too long");
  }
  const StrObject* s = as_str(self);
  size_t total = n * static_cast<size_t>(count);
  StrObject* out = allocate_str(&str_type, total, s->ascii ? 127 : s->kind == 1 ? 255 : s->kind == 2 ? 0xFFFF : 0x10FFFF);
  if (out == nullptr) return Value();
  size_t bytes = n * s->kind;
  if (n == 1 && s->kind == 1) {
    std::memset(out->data, s->data[0], total);
  } else {
    std::memcpy(out->data, s->data, bytes);
    size_t done = bytes, all = total * s->kind;
    while (done < all) {  // doubling copies
      size_t chunk = done < all - done ? done : all - done;
      std::memcpy(out->data + done, out->data, chunk);
      done += chunk;
    }
  }
  return Value::object(out);
}

Value str_item(Value self, int64_t index) {
  if (index < 0 || static_cast<size_t>(index) >= str_length(self)) {
    return raise(exc::IndexError, "string index out of range");
  }
  return str_from_char(str_char(self, static_cast<size_t>(index)));
}

Value str_subscript(Value self, Value key) {
  if (is_slice(key)) {
    int64_t start, stop, step;
    if (slice_unpack(key, &start, &stop, &step) < 0) return Value();
    int64_t n = slice_adjust_indices(static_cast<int64_t>(str_length(self)), &start, &stop, step);
    if (step == 1) return str_substring(self, static_cast<size_t>(start), static_cast<size_t>(start + n));
    StrBuilder builder;
    builder.reserve(static_cast<size_t>(n));
    for (int64_t i = 0, at = start; i < n; ++i, at += step) builder.push(str_char(self, static_cast<size_t>(at)));
    return builder.finish();
  }
  if (key.is_small_int() || type_of(key)->number.index != nullptr) {
    int64_t index;
    if (!coll::index_arg(key, &index)) {
      if (error_matches(exc::OverflowError)) {
        clear_error();
        return raise(exc::IndexError, "cannot fit 'int' into an index-sized integer");
      }
      return Value();
    }
    if (index < 0) index += static_cast<int64_t>(str_length(self));
    return str_item(self, index);
  }
  return raise_format(exc::TypeError, "string indices must be integers, not '%s'", coll::type_name(key));
}

int64_t str_length_slot(Value self) { return static_cast<int64_t>(str_length(self)); }

int str_contains(Value self, Value item) {
  if (!is_str(item)) {
    raise_format(exc::TypeError, "'in <string>' requires string as left operand, not %s", coll::type_name(item));
    return -1;
  }
  return str_find_impl(self, item, 0, static_cast<int64_t>(str_length(self))) >= 0;
}

struct StrIterObject : Object {
  int64_t index;
  Value str;
};

Value str_iter(Value self) {
  StrIterObject* it = new_object<StrIterObject>(str_is_ascii(self) ? &str_ascii_iterator_type : &str_iterator_type);
  if (it == nullptr) return Value();
  it->index = 0;
  incref(self);
  it->str = self;
  return Value::object(it);
}

Value str_iterator_next(Value self) {
  StrIterObject* it = static_cast<StrIterObject*>(self.as_object());
  if (it->str.is_null()) return Value();
  if (static_cast<size_t>(it->index) < str_length(it->str)) {
    return str_from_char(str_char(it->str, static_cast<size_t>(it->index++)));
  }
  Value s = it->str;
  it->str = Value();
  decref(s);
  return Value();
}

Value str_iterator_iter(Value self) {
  incref(self);
  return self;
}

void str_iterator_dealloc(Object* self) {
  decref(static_cast<StrIterObject*>(self)->str);
  free_object(self);
}

Value str_iterator_length_hint(Value self) {
  StrIterObject* it = static_cast<StrIterObject*>(self.as_object());
  if (it->str.is_null()) return int_from_int64(0);
  return int_from_int64(static_cast<int64_t>(str_length(it->str)) - it->index);
}

// (iter, (str,), index), or (iter, ('',)) once exhausted.
Value str_iterator_reduce(Value self) {
  StrIterObject* it = static_cast<StrIterObject*>(self.as_object());
  if (it->str.is_null()) {
    Ref empty = Ref::steal(str_empty());
    return empty ? iter_reduce_exhausted(empty.get()) : Value();
  }
  return iter_reduce_value("iter", it->str, it->index);
}
Value str_iterator_setstate(Value self, Value state) {
  int64_t index;
  if (!iter_state_index(state, &index)) return Value();
  StrIterObject* it = static_cast<StrIterObject*>(self.as_object());
  if (it->str) {
    int64_t n = static_cast<int64_t>(str_length(it->str));
    it->index = index < 0 ? 0 : index > n ? n : index;
  }
  return incref(none()), none();
}

const MethodDef str_iterator_methods[] = {
    {"__length_hint__", reinterpret_cast<void*>(&str_iterator_length_hint), MethodKind::NoArgs},
    {"__reduce__", reinterpret_cast<void*>(&str_iterator_reduce), MethodKind::NoArgs},
    {"__setstate__", reinterpret_cast<void*>(&str_iterator_setstate), MethodKind::OneArg},
    {nullptr, nullptr, MethodKind::NoArgs},
};

}  // namespace

// A str subclass instance holding the same code points as `exact`.
Value str_subtype_copy(TypeObject* type, Value exact) {
  const StrObject* s = as_str(exact);
  char32_t maxchar = s->ascii ? 127 : s->kind == 1 ? 255 : s->kind == 2 ? 0xFFFF : 0x10FFFF;
  StrObject* out = allocate_str(type, static_cast<size_t>(s->length), maxchar);
  if (out == nullptr) return Value();
  std::memcpy(out->data, s->data, static_cast<size_t>(s->length) * s->kind);
  out->ascii = s->ascii;
  return Value::object(out);
}

namespace {

// str(object='') / str(object=b'', encoding='utf-8', errors='strict')
Value str_new_slot(TypeObject* type, const Value* args, size_t nargs, Value kwnames) {
  static const char* const kParams[] = {"object", "encoding", "errors"};
  Value a[3];
  if (!coll::parse_args("str", args, nargs, kwnames, kParams, 3, 0, 3, a)) return Value();
  Ref result;
  if (a[1].is_null() && a[2].is_null()) {
    result = Ref::steal(a[0].is_null() ? str_empty() : runtime::str(a[0]));
  } else {
    std::string encoding = "utf-8", errors = "strict";
    if (!a[1].is_null()) {
      if (!is_str(a[1])) {
        return raise_format(exc::TypeError, "str() argument 'encoding' must be str, not %s", coll::type_name(a[1]));
      }
      encoding = str_to_utf8(a[1]);
    }
    if (!a[2].is_null()) {
      if (!is_str(a[2])) {
        return raise_format(exc::TypeError, "str() argument 'errors' must be str, not %s", coll::type_name(a[2]));
      }
      errors = str_to_utf8(a[2]);
    }
    if (a[0].is_null()) {
      result = Ref::steal(str_empty());
    } else if (is_str(a[0])) {
      return raise(exc::TypeError, "decoding str is not supported");
    } else {
      std::string_view data;
      if (!bytes_like_view(a[0], &data)) {
        clear_error();
        return raise_format(exc::TypeError, "decoding to str: need a bytes-like object, %s found",
                            coll::type_name(a[0]));
      }
      result = Ref::steal(bytes_decode(data, encoding, errors));
    }
  }
  if (!result || type == &str_type) return result.release();
  return str_subtype_copy(type, result.get());
}

Value str_mod_slot(Value left, Value right) {
  if (!is_str(left)) {
    incref(not_implemented());
    return not_implemented();
  }
  return str_percent_format(left, right);
}

}  // namespace

void init_str_types() {
  TypeObject& t = str_type;
  coll::init_static_type(t, "str", sizeof(StrObject), TypeFlag::BaseType | TypeFlag::StrSubclass);
  t.var_bytes = str_var_bytes;
  t.dealloc = str_dealloc;
  t.repr = str_repr;
  t.str = str_str_slot;
  t.hash = str_hash_slot;
  t.richcompare = str_richcompare;
  t.iter = str_iter;
  t.new_ = str_new_slot;
  t.number.remainder = str_mod_slot;
  t.sequence.length = str_length_slot;
  t.sequence.concat = str_concat_slot;
  t.sequence.repeat = str_repeat;
  t.sequence.item = str_item;
  t.sequence.contains = str_contains;
  t.mapping.length = str_length_slot;
  t.mapping.subscript = str_subscript;
  add_methods(&t, str_methods);
  type_ready(&t);

  for (TypeObject* iter_type : {&str_iterator_type, &str_ascii_iterator_type}) {
    TypeObject& it = *iter_type;
    coll::init_static_type(it, iter_type == &str_iterator_type ? "str_iterator" : "str_ascii_iterator",
                           sizeof(StrIterObject), 0);
    it.dealloc = str_iterator_dealloc;
    it.iter = str_iterator_iter;
    it.iternext = str_iterator_next;
    add_methods(&it, str_iterator_methods);
    type_ready(&it);
  }
}

}  // namespace krait::runtime
