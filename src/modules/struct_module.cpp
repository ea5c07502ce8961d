// _struct: packing Python values into C structs and back (what struct.py re-exports).
//
// A format is compiled once into a list of items (code, offset, size); Struct objects keep it and
// the module functions keep a cache of Struct objects by format, as CPython's. The integer range
// rules differ by code and byte order exactly as CPython 3.11's (which, on a little-endian
// machine, uses its native packers for '<' and '=' where the sizes agree): the messages below are
// the ones CPython gives for each combination.
#include <cmath>
#include <cstring>
#include <memory>
#include <string>
#include <vector>

#include "modules/modules.h"
#include "modules/native_args.h"
#include "runtime/abstract.h"
#include "runtime/args.h"
#include "runtime/builtin_types.h"
#include "runtime/bytes.h"
#include "runtime/dict.h"
#include "runtime/errors.h"
#include "runtime/float.h"
#include "runtime/int.h"
#include "runtime/memory.h"
#include "runtime/module.h"
#include "runtime/number_util.h"
#include "runtime/refcheck.h"
#include "runtime/str.h"
#include "runtime/tuple.h"

namespace krait::modules {

using namespace runtime;

namespace {

// --- formats --------------------------------------------------------------------------------

// '@' native sizes and alignment; '<'/'=' standard sizes little-endian; '>'/'!' big-endian.
enum class Order : uint8_t { Native, Little, Big };

struct Item {
  char code;
  Order order;
  int64_t offset;
  int64_t size;  // bytes: the item's size, or the count of 's'/'p'
};

struct CompiledFormat {
  std::vector<Item> items;
  int64_t size = 0;
  int64_t len = 0;  // values packed/unpacked
};

// The size of `code` (0 if unknown) and its native alignment.
int code_size(char code, Order order, int* align) {
  bool native = order == Order::Native;
  int size = 0;
  switch (code) {
    case 'x': case 'b': case 'B': case 'c': case 's': case 'p': case '?': size = 1; break;
    case 'h': case 'H': case 'e': size = 2; break;
    case 'i': case 'I': case 'f': size = 4; break;
    case 'l': case 'L': size = native ? 8 : 4; break;
    case 'q': case 'Q': case 'd': size = 8; break;
    case 'n': case 'N': case 'P': size = native ? 8 : 0; break;
    default: size = 0;
  }
  *align = native ? size : 0;
  return size;
}

Value struct_error_type();

Value struct_error(const std::string& message) {
  Value type = struct_error_type();
  if (!type) return Value();
  return raise(static_cast<TypeObject*>(type.as_object()), message);
}

bool compile_format(std::string_view fmt, CompiledFormat* out) {
  Order order = Order::Native;
  size_t i = 0;
  if (!fmt.empty()) {
    switch (fmt[0]) {
      case '@': i = 1; break;
      case '=': case '<': order = Order::Little; i = 1; break;
      case '>': case '!': order = Order::Big; i = 1; break;
    }
  }
  const int64_t kMax = INT64_MAX;
  int64_t size = 0, len = 0;
  std::vector<Item> items;
  while (i < fmt.size()) {
    char c = fmt[i++];
    if (c == ' ' || (c >= '\t' && c <= '\r')) continue;
    int64_t num = 1;
    if (c >= '0' && c <= '9') {
      num = c - '0';
      for (;;) {
        c = i < fmt.size() ? fmt[i++] : '\0';
        if (c < '0' || c > '9') break;
        if (num > (kMax - (c - '0')) / 10) return struct_error("total struct size too long"), false;
        num = num * 10 + (c - '0');
      }
      if (c == '\0') return struct_error("repeat count given without format specifier"), false;
    }
    int align;
    int itemsize = code_size(c, order, &align);
    if (itemsize == 0) return struct_error("bad char in struct format"), false;
    if (align > 1 && size > 0) size += (align - 1) - (size - 1) % align;
    if (num > (kMax - size) / itemsize) return struct_error("total struct size too long"), false;
    if (c == 's' || c == 'p') {
      items.push_back({c, order, size, num});
      ++len;
    } else if (c != 'x') {
      for (int64_t k = 0; k < num; ++k) items.push_back({c, order, size + k * itemsize, itemsize});
      len += num;
    }
    size += num * itemsize;
  }
  out->items = std::move(items);
  out->size = size;
  out->len = len;
  return true;
}

// --- packing one value ----------------------------------------------------------------------

// An int argument as CPython's get_pylong sees it: an int, or __index__'s result.
struct IntArg {
  bool fits_i64 = false, fits_u64 = false;
  int64_t i = 0;
  uint64_t u = 0;
};

bool int_argument(Value v, IntArg* out) {
  Ref n;
  if (is_int(v)) {
    n = Ref::borrow(v);
  } else {
    if (!type_of(v)->number.index) return struct_error("required argument is not an integer"), false;
    n = Ref::steal(number_index(v));
    if (!n) return false;
  }
  if (int_to_int64(n.get(), &out->i)) {
    out->fits_i64 = true;
    out->fits_u64 = out->i >= 0;
    out->u = uint64_t(out->i);
    return true;
  }
  mpz_class z = int_to_mpz(n.get());
  if (z > 0 && mpz_sizeinbase(z.get_mpz_t(), 2) <= 64) {
    out->fits_u64 = true;
    out->u = mpz_get_ui(z.get_mpz_t());
  }
  return true;
}

void store(char* p, uint64_t bits, int64_t size, Order order) {
  for (int64_t k = 0; k < size; ++k) {
    unsigned char byte = static_cast<unsigned char>(bits >> (8 * k));
    p[order == Order::Big ? size - 1 - k : k] = static_cast<char>(byte);
  }
}

uint64_t load(const char* p, int64_t size, Order order) {
  uint64_t bits = 0;
  for (int64_t k = 0; k < size; ++k) {
    unsigned char byte = static_cast<unsigned char>(p[order == Order::Big ? size - 1 - k : k]);
    bits |= uint64_t(byte) << (8 * k);
  }
  return bits;
}

bool out_of_range() { return struct_error("argument out of range"), false; }

bool signed_range_error(char code, int64_t size) {
  int64_t largest = int64_t((uint64_t(1) << (8 * size - 1)) - 1);
  return struct_error(std::string("'") + code + "' format requires " + std::to_string(-largest - 1) +
                      " <= number <= " + std::to_string(largest)),
         false;
}
bool unsigned_range_error(char code, int64_t size) {
  uint64_t largest = size == 8 ? ~uint64_t(0) : (uint64_t(1) << (8 * size)) - 1;
  return struct_error(std::string("'") + code + "' format requires 0 <= number <= " + std::to_string(largest)),
         false;
}

// The bits an integer code stores, after CPython's checks for that code and byte order.
bool integer_bits(const Item& item, Value v, uint64_t* bits) {
  IntArg a;
  if (!int_argument(v, &a)) return false;
  char c = item.code;
  bool big = item.order == Order::Big;
  bool native = item.order == Order::Native;
  auto in = [&](int64_t lo, int64_t hi) { return a.fits_i64 && a.i >= lo && a.i <= hi; };
  switch (c) {
    case 'b':
      if (!a.fits_i64) return out_of_range();
      if (!in(-128, 127)) return struct_error("byte format requires -128 <= number <= 127"), false;
      break;
    case 'B':
      if (!a.fits_i64) return out_of_range();
      if (!in(0, 255)) return struct_error("ubyte format requires 0 <= number <= 255"), false;
      break;
    case 'P':
      if (!a.fits_i64 && !a.fits_u64) return struct_error("int too large to convert"), false;
      break;
    case 'q':
    case 'Q':
      if (big) {
        if (c == 'q' ? !a.fits_i64 : !a.fits_u64) return struct_error("int too large to convert"), false;
        break;
      }
      [[fallthrough]];
    default: {
      bool is_signed = c == 'h' || c == 'i' || c == 'l' || c == 'q' || c == 'n';
      if (!big && c == 'h') {
        if (!a.fits_i64) return out_of_range();
        if (!in(-32768, 32767)) return struct_error("short format requires -32768 <= number <= 32767"), false;
      } else if (!big && c == 'H') {
        if (!a.fits_i64) return out_of_range();
        if (!in(0, 65535)) return struct_error("ushort format requires 0 <= number <= 65535"), false;
      } else if (is_signed) {
        if (!a.fits_i64) return out_of_range();
        if (item.size < 8 && !in(-(int64_t(1) << (8 * item.size - 1)), (int64_t(1) << (8 * item.size - 1)) - 1))
          return signed_range_error(c, item.size);
      } else {
        if (!a.fits_u64) return out_of_range();
        if (item.size < 8 && a.u >> (8 * item.size)) return unsigned_range_error(c, item.size);
      }
      (void)native;
    }
  }
  *bits = a.fits_i64 ? uint64_t(a.i) : a.u;
  return true;
}

bool float_argument(Value v, double* out) {
  if (!as_double(v, out)) {
    clear_error();
    return struct_error("required argument is not a float"), false;
  }
  return true;
}

// IEEE 754 binary16 from a double, rounding half to even; false + OverflowError.
bool pack_half(double x, uint16_t* out) {
  unsigned sign = std::signbit(x) ? 1 : 0;
  unsigned e = 0, bits = 0;
  if (x == 0.0) {
  } else if (std::isinf(x)) {
    e = 0x1f;
  } else if (std::isnan(x)) {
    e = 0x1f;
    bits = 512;
  } else {
    int exp;
    double f = std::frexp(std::fabs(x), &exp);  // [0.5, 1)
    f *= 2.0;                                   // [1, 2)
    exp -= 1;
    if (exp >= 16) goto overflow;
    if (exp < -25) {
      f = 0.0;
      exp = 0;
    } else if (exp < -14) {
      f = std::ldexp(f, 14 + exp);  // subnormal: no implicit bit
      exp = 0;
    } else {
      exp += 15;
      f -= 1.0;
    }
    f *= 1024.0;
    bits = static_cast<unsigned>(f);
    f -= bits;
    if (f > 0.5 || (f == 0.5 && (bits & 1))) {
      if (++bits == 1024) {
        bits = 0;
        if (++exp == 31) goto overflow;
      }
    }
    e = static_cast<unsigned>(exp);
  }
  *out = static_cast<uint16_t>((sign << 15) | (e << 10) | bits);
  return true;
overflow:
  raise(exc::OverflowError, "float too large to pack with e format");
  return false;
}

double unpack_half(uint16_t h) {
  bool sign = h >> 15;
  int e = (h >> 10) & 0x1f;
  unsigned f = h & 0x3ff;
  if (e == 0x1f) return f == 0 ? (sign ? -INFINITY : INFINITY) : (sign ? -NAN : NAN);
  double x = f / 1024.0;
  if (e == 0) {
    e = -14;
  } else {
    x += 1.0;
    e -= 15;
  }
  x = std::ldexp(x, e);
  return sign ? -x : x;
}

bool pack_item(char* p, const Item& item, Value v) {
  switch (item.code) {
    case 'c':
      if (!is_bytes(v) || bytes_size(v) != 1)
        return struct_error("char format requires a bytes object of length 1"), false;
      p[0] = bytes_data(v)[0];
      return true;
    case 's':
    case 'p': {
      if (!is_bytes(v) && !is_bytearray(v))
        return struct_error(std::string("argument for '") + item.code + "' must be a bytes object"), false;
      std::string_view data = byteseq_view(v);
      int64_t n = int64_t(data.size());
      if (item.code == 's') {
        std::memcpy(p, data.data(), size_t(std::min(n, item.size)));
        return true;
      }
      if (item.size == 0) return true;  // nowhere to put the length byte
      n = std::min(n, item.size - 1);
      std::memcpy(p + 1, data.data(), size_t(n));
      p[0] = static_cast<char>(std::min<int64_t>(n, 255));
      return true;
    }
    case '?': {
      int t = is_true(v);
      if (t < 0) return false;
      p[0] = char(t);
      return true;
    }
    case 'e': {
      double x;
      uint16_t h;
      if (!float_argument(v, &x) || !pack_half(x, &h)) return false;
      store(p, h, 2, item.order);
      return true;
    }
    case 'f': {
      double x;
      if (!float_argument(v, &x)) return false;
      float y = static_cast<float>(x);
      if (item.order != Order::Native && std::isinf(y) && !std::isinf(x)) {
        raise(exc::OverflowError, "float too large to pack with f format");
        return false;
      }
      uint32_t bits;
      std::memcpy(&bits, &y, 4);
      store(p, bits, 4, item.order);
      return true;
    }
    case 'd': {
      double x;
      if (!float_argument(v, &x)) return false;
      uint64_t bits;
      std::memcpy(&bits, &x, 8);
      store(p, bits, 8, item.order);
      return true;
    }
    default: {
      uint64_t bits = 0;
      if (!integer_bits(item, v, &bits)) return false;
      store(p, bits, item.size, item.order);
      return true;
    }
  }
}

Value unpack_item(const char* p, const Item& item) {
  switch (item.code) {
    case 'c': return bytes_from(std::string_view(p, 1));
    case 's': return bytes_from(std::string_view(p, size_t(item.size)));
    case 'p': {
      if (item.size == 0)  // CPython reads a length byte that is not there and fails so
        return raise(exc::SystemError, "Negative size passed to PyBytes_FromStringAndSize");
      int64_t n = static_cast<unsigned char>(p[0]);
      if (n >= item.size) n = item.size - 1;
      return bytes_from(std::string_view(p + 1, size_t(n)));
    }
    case '?': return new_ref(bool_value(p[0] != 0));
    case 'e': return float_from_double(unpack_half(uint16_t(load(p, 2, item.order))));
    case 'f': {
      uint32_t bits = uint32_t(load(p, 4, item.order));
      float y;
      std::memcpy(&y, &bits, 4);
      return float_from_double(y);
    }
    case 'd': {
      uint64_t bits = load(p, 8, item.order);
      double x;
      std::memcpy(&x, &bits, 8);
      return float_from_double(x);
    }
    default: {
      uint64_t bits = load(p, item.size, item.order);
      char c = item.code;
      bool is_signed = c == 'b' || c == 'h' || c == 'i' || c == 'l' || c == 'q' || c == 'n';
      if (!is_signed) return int_from_uint64(bits);
      if (item.size < 8) {
        uint64_t sign = uint64_t(1) << (8 * item.size - 1);
        bits = (bits ^ sign) - sign;  // sign extension
      }
      return int_from_int64(int64_t(bits));
    }
  }
}

// --- Struct objects -------------------------------------------------------------------------

TypeObject struct_type, unpack_iterator_type;

struct StructObject : Object {
  Value format;               // bytes
  CompiledFormat* compiled;   // null until __init__
  Value weaklist;
};

struct UnpackIterObject : Object {
  Value structure;  // the Struct
  Value buffer;     // a bytes copy of the data
  int64_t index;    // byte position of the next record
};

StructObject* as_struct(Value v) { return static_cast<StructObject*>(v.as_object()); }

int64_t struct_size(Value self) {
  CompiledFormat* c = as_struct(self)->compiled;
  return c ? c->size : -1;
}

Value struct_new(TypeObject* type, const Value*, size_t, Value) {
  auto* s = static_cast<StructObject*>(allocate_object(type, type->basic_size));
  if (!s) return Value();
  s->format = bytes_empty();
  return Value::object(s);
}

// The format argument as bytes: a str (ASCII) or bytes object.
Value format_bytes(Value format) {
  if (is_str(format)) {
    Ref encoded = Ref::steal(str_encode(format, "ascii", "strict"));
    return encoded.release();
  }
  if (is_bytes(format)) return new_ref(format);
  return raise_format(exc::TypeError, "Struct() argument 1 must be a str or bytes object, not %s",
                      type_of(format)->name.c_str());
}

int struct_set_format(Value self, Value format) {
  Ref fmt = Ref::steal(format_bytes(format));
  if (!fmt) return -1;
  std::string_view text = bytes_view(fmt.get());
  if (text.find('\0') != std::string_view::npos) {
    struct_error("embedded null character");
    return -1;
  }
  auto compiled = std::make_unique<CompiledFormat>();
  if (!compile_format(text, compiled.get())) return -1;
  StructObject* s = as_struct(self);
  delete s->compiled;
  s->compiled = compiled.release();
  Value old = s->format;
  s->format = fmt.release();
  xdecref(old);
  return 0;
}

int struct_init(Value self, const Value* args, size_t nargs, Value kwnames) {
  Value format;
  if (!match_arguments("Struct", args, nargs, kwnames, {"format"}, 1, 1, &format)) return -1;
  return struct_set_format(self, format);
}

// A Struct owns its format (bytes, so no cycle: Struct is not a GC container); for the refcheck
// build's report.
void struct_references(Object* self, VisitFunc visit, void* context) {
  visit(static_cast<StructObject*>(self)->format, context);
}

void struct_dealloc(Object* self) {
  auto* s = static_cast<StructObject*>(self);
  delete s->compiled;
  s->compiled = nullptr;
  Value format = s->format;
  s->format = Value();
  xdecref(format);
  free_object(self);
}

bool pack_values(Value self, char* out, const Value* values) {
  CompiledFormat* c = as_struct(self)->compiled;
  std::memset(out, 0, size_t(c->size));
  for (size_t k = 0; k < c->items.size(); ++k)
    if (!pack_item(out + c->items[k].offset, c->items[k], values[k])) return false;
  return true;
}

Value unpack_values(Value self, const char* data) {
  CompiledFormat* c = as_struct(self)->compiled;
  Ref result = Ref::steal(tuple_new(c->items.size()));
  if (!result) return Value();
  for (size_t k = 0; k < c->items.size(); ++k) {
    Value v = unpack_item(data + c->items[k].offset, c->items[k]);
    if (!v) return Value();
    tuple_items(result.get())[k] = v;
  }
  return result.release();
}

bool check_ready(Value self) {
  if (as_struct(self)->compiled) return true;
  struct_error("bad char in struct format");  // never initialized: CPython's format is empty
  return false;
}

// "Struct.unpack() takes exactly one argument (0 given)": CPython names methods by qualname and
// module functions with their module, so these functions check their own arguments.
bool one_argument(const char* name, size_t nargs, Value kwnames) {
  if (!check_no_keywords(name, kwnames)) return false;
  if (nargs == 1) return true;
  raise_format(exc::TypeError, "%s() takes exactly one argument (%zu given)", name, nargs);
  return false;
}

Value struct_pack(Value self, const Value* args, size_t nargs) {
  if (!check_ready(self)) return Value();
  CompiledFormat* c = as_struct(self)->compiled;
  if (int64_t(nargs) != c->len)
    return struct_error("pack expected " + std::to_string(c->len) + " items for packing (got " +
                        std::to_string(nargs) + ")");
  Ref result = Ref::steal(bytes_new(size_t(c->size)));
  if (!result) return Value();
  if (!pack_values(self, bytes_mutable_data(result.get()), args)) return Value();
  return result.release();
}

Value struct_pack_into(Value self, const Value* args, size_t nargs) {
  if (!check_ready(self)) return Value();
  CompiledFormat* c = as_struct(self)->compiled;
  if (int64_t(nargs) != c->len + 2) {
    if (nargs == 0) return struct_error("pack_into expected buffer argument");
    if (nargs == 1) return struct_error("pack_into expected offset argument");
    return struct_error("pack_into expected " + std::to_string(c->len) + " items for packing (got " +
                        std::to_string(nargs - 2) + ")");
  }
  char* data;
  size_t length;
  if (!writable_buffer(args[0], "argument", &data, &length)) return Value();
  int64_t offset;
  Ref index = Ref::steal(number_index(args[1]));
  if (!index) return Value();
  if (!int_to_int64(index.get(), &offset))
    return raise_format(exc::IndexError, "cannot fit '%s' into an index-sized integer", type_of(args[1])->name.c_str());
  int64_t len = int64_t(length);
  if (offset < 0) {
    if (offset + c->size > 0)
      return struct_error("no space to pack " + std::to_string(c->size) + " bytes at offset " +
                          std::to_string(offset));
    if (offset + len < 0)
      return struct_error("offset " + std::to_string(offset) + " out of range for " + std::to_string(len) +
                          "-byte buffer");
    offset += len;
  }
  if (len - offset < c->size)
    return struct_error("pack_into requires a buffer of at least " + std::to_string(c->size + offset) +
                        " bytes for packing " + std::to_string(c->size) + " bytes at offset " +
                        std::to_string(offset) + " (actual buffer size is " + std::to_string(len) + ")");
  // Packed into a scratch copy: a failing value leaves the buffer untouched only partly in
  // CPython too, but writing straight in is what CPython does, so do the same.
  if (!pack_values(self, data + offset, args + 2)) return Value();
  return new_ref(none());
}

Value struct_unpack(Value self, Value buffer) {
  if (!check_ready(self)) return Value();
  std::string_view data;
  if (!bytes_like_view(buffer, &data)) return Value();
  int64_t size = as_struct(self)->compiled->size;
  if (int64_t(data.size()) != size)
    return struct_error("unpack requires a buffer of " + std::to_string(size) + " bytes");
  return unpack_values(self, data.data());
}

Value unpack_from_impl(Value self, Value buffer, Value offset_arg) {
  if (!check_ready(self)) return Value();
  int64_t offset = 0;
  if (offset_arg && !ssize_argument(offset_arg, &offset)) return Value();
  std::string_view data;
  if (!bytes_like_view(buffer, &data)) return Value();
  int64_t size = as_struct(self)->compiled->size;
  int64_t len = int64_t(data.size());
  if (offset < 0) {
    if (offset + len < 0)
      return struct_error("offset " + std::to_string(offset) + " out of range for " + std::to_string(len) +
                          "-byte buffer");
    offset += len;
  }
  if (len - offset < size)
    return struct_error("unpack_from requires a buffer of at least " + std::to_string(size + offset) +
                        " bytes for unpacking " + std::to_string(size) + " bytes at offset " +
                        std::to_string(offset) + " (actual buffer size is " + std::to_string(len) + ")");
  return unpack_values(self, data.data() + offset);
}

Value struct_unpack_from(Value self, const Value* args, size_t nargs, Value kwnames) {
  Value a[2];
  if (!match_arguments("unpack_from", args, nargs, kwnames, {"buffer", "offset"}, 2, 1, a)) return Value();
  return unpack_from_impl(self, a[0], a[1]);
}

Value iter_unpack_impl(Value self, Value buffer) {
  if (!check_ready(self)) return Value();
  std::string copy;
  std::string_view data;
  if (!bytes_like_view(buffer, &data)) return Value();
  int64_t size = as_struct(self)->compiled->size;
  if (size == 0) return struct_error("cannot iteratively unpack with a struct of length 0");
  if (int64_t(data.size()) % size != 0)
    return struct_error("iterative unpacking requires a buffer of a multiple of " + std::to_string(size) +
                        " bytes");
  Ref bytes = Ref::steal(bytes_from(data));
  if (!bytes) return Value();
  auto* it = static_cast<UnpackIterObject*>(allocate_object(&unpack_iterator_type, sizeof(UnpackIterObject)));
  if (!it) return Value();
  it->structure = new_ref(self);
  it->buffer = bytes.release();
  it->index = 0;
  gc_track(it);
  return Value::object(it);
}

Value struct_iter_unpack(Value self, const Value* args, size_t nargs, Value kwnames) {
  if (!one_argument("Struct.iter_unpack", nargs, kwnames)) return Value();
  return iter_unpack_impl(self, args[0]);
}
Value struct_unpack_method(Value self, const Value* args, size_t nargs, Value kwnames) {
  if (!one_argument("Struct.unpack", nargs, kwnames)) return Value();
  return struct_unpack(self, args[0]);
}
Value struct_pack_method(Value self, const Value* args, size_t nargs, Value kwnames) {
  if (!check_no_keywords("Struct.pack", kwnames)) return Value();
  return struct_pack(self, args, nargs);
}
Value struct_pack_into_method(Value self, const Value* args, size_t nargs, Value kwnames) {
  if (!check_no_keywords("Struct.pack_into", kwnames)) return Value();
  return struct_pack_into(self, args, nargs);
}

Value struct_get_format(Value self) {
  std::string_view text = bytes_view(as_struct(self)->format);
  return str_from_latin1(text);
}
Value struct_get_size(Value self) { return int_from_int64(struct_size(self)); }

Value struct_sizeof(Value self) {
  CompiledFormat* c = as_struct(self)->compiled;
  size_t n = type_of(self)->basic_size + (c ? (c->items.size() + 1) * sizeof(Item) : 0);
  return int_from_int64(int64_t(n));
}

// --- the unpack iterator --------------------------------------------------------------------

UnpackIterObject* as_iter(Value v) { return static_cast<UnpackIterObject*>(v.as_object()); }

Value unpackiter_next(Value self) {
  UnpackIterObject* it = as_iter(self);
  if (!it->structure) return Value();
  int64_t size = as_struct(it->structure)->compiled->size;
  if (it->index + size > int64_t(bytes_size(it->buffer))) {
    Value s = it->structure, b = it->buffer;
    it->structure = it->buffer = Value();
    decref(s);
    decref(b);
    return Value();
  }
  Value result = unpack_values(it->structure, bytes_data(it->buffer) + it->index);
  it->index += size;
  return result;
}

Value unpackiter_length_hint(Value self) {
  UnpackIterObject* it = as_iter(self);
  if (!it->structure) return int_from_int64(0);
  int64_t size = as_struct(it->structure)->compiled->size;
  return int_from_int64((int64_t(bytes_size(it->buffer)) - it->index) / size);
}

Value unpackiter_new(TypeObject* type, const Value*, size_t, Value) {
  return raise_format(exc::TypeError, "Cannot create '%s objects", short_type_name(type).c_str());
}

void unpackiter_dealloc(Object* self) {
  auto* it = static_cast<UnpackIterObject*>(self);
  gc_untrack(self);
  Value s = it->structure, b = it->buffer;
  it->structure = it->buffer = Value();
  xdecref(s);
  xdecref(b);
  free_object(self);
}

void unpackiter_traverse(Object* self, VisitFunc visit, void* context) {
  auto* it = static_cast<UnpackIterObject*>(self);
  if (it->structure.is_object()) visit(it->structure, context);
}

void unpackiter_clear(Object* self) {
  auto* it = static_cast<UnpackIterObject*>(self);
  Value s = it->structure;
  it->structure = Value();
  xdecref(s);
}

Value iter_self(Value self) { return new_ref(self); }

// --- the module functions: a cache of Struct objects by format -------------------------------

Value g_error;  // struct.error
Value g_cache;  // dict format -> Struct (a module-state cache in CPython: a static root here)
constexpr size_t kMaxCache = 100;

Value struct_error_type() {
  if (g_error) return g_error;
  raise(exc::SystemError, "_struct is not initialized");
  return Value();
}

// A Struct for `format` (new reference), made once per format.
Value cached_struct(Value format) {
  if (g_cache) {
    Value hit = is_str(format) || is_bytes(format) ? dict_get_item(g_cache, format) : Value();
    if (hit) return new_ref(hit);
    if (error_occurred()) return Value();
  }
  Ref s = Ref::steal(struct_new(&struct_type, nullptr, 0, Value()));
  if (!s || struct_set_format(s.get(), format) < 0) return Value();
  if (!g_cache) {
    g_cache = dict_new();
    if (!g_cache) return Value();
    declare_static_root(&g_cache);
  }
  if (dict_size(g_cache) >= kMaxCache) dict_clear(g_cache);
  if (dict_set_item(g_cache, format, s.get()) < 0) return Value();
  return s.release();
}

Value module_clearcache(Value) {
  if (g_cache) dict_clear(g_cache);
  return new_ref(none());
}

Value module_calcsize(Value, const Value* args, size_t nargs, Value kwnames) {
  if (!one_argument("_struct.calcsize", nargs, kwnames)) return Value();
  Ref s = Ref::steal(cached_struct(args[0]));
  if (!s) return Value();
  return struct_get_size(s.get());
}

Value module_pack(Value, const Value* args, size_t nargs, Value kwnames) {
  if (!check_no_keywords("_struct.pack", kwnames)) return Value();
  if (nargs == 0) return raise(exc::TypeError, "missing format argument");
  Ref s = Ref::steal(cached_struct(args[0]));
  if (!s) return Value();
  return struct_pack(s.get(), args + 1, nargs - 1);
}

Value module_pack_into(Value, const Value* args, size_t nargs, Value kwnames) {
  if (!check_no_keywords("_struct.pack_into", kwnames)) return Value();
  if (nargs == 0) return raise(exc::TypeError, "missing format argument");
  Ref s = Ref::steal(cached_struct(args[0]));
  if (!s) return Value();
  return struct_pack_into(s.get(), args + 1, nargs - 1);
}

Value module_unpack(Value, const Value* args, size_t nargs, Value kwnames) {
  if (!check_no_keywords("_struct.unpack", kwnames)) return Value();
  if (!check_positional("unpack", nargs, 2, 2)) return Value();
  Ref s = Ref::steal(cached_struct(args[0]));
  if (!s) return Value();
  return struct_unpack(s.get(), args[1]);
}

Value module_unpack_from(Value, const Value* args, size_t nargs, Value kwnames) {
  Value a[3];
  if (nargs == 0)
    return raise(exc::TypeError, "unpack_from() takes at least 1 positional argument (0 given)");
  if (nargs + keyword_count(kwnames) > 3)
    return raise_format(exc::TypeError, "unpack_from() takes at most 3 arguments (%zu given)",
                        nargs + keyword_count(kwnames));
  if (!bind_args({"unpack_from", {"format", "buffer", "offset"}, 1, 2, 3}, args, nargs, kwnames, a)) return Value();
  Ref s = Ref::steal(cached_struct(a[0]));
  if (!s) return Value();
  return unpack_from_impl(s.get(), a[1], a[2]);
}

Value module_iter_unpack(Value, const Value* args, size_t nargs, Value kwnames) {
  if (!check_no_keywords("_struct.iter_unpack", kwnames)) return Value();
  if (!check_positional("iter_unpack", nargs, 2, 2)) return Value();
  Ref s = Ref::steal(cached_struct(args[0]));
  if (!s) return Value();
  return iter_unpack_impl(s.get(), args[1]);
}

#define M(name, fn, kind, doc) {name, reinterpret_cast<void*>(&fn), MethodKind::kind, false, false, doc}
const MethodDef struct_methods[] = {
    M("pack", struct_pack_method, FastKeywords,
      "S.pack(v1, v2, ...) -> bytes\n\nReturn a bytes object containing values v1, v2, ... packed according\n"
      "to the format string S.format.  See help(struct) for more on format\nstrings."),
    M("pack_into", struct_pack_into_method, FastKeywords,
      "S.pack_into(buffer, offset, v1, v2, ...)\n\nPack the values v1, v2, ... according to the format "
      "string S.format\nand write the packed bytes into the writable buffer buf starting at\noffset.  Note "
      "that the offset is a required argument.  See\nhelp(struct) for more on format strings."),
    M("unpack", struct_unpack_method, FastKeywords,
      "Return a tuple containing unpacked values.\n\nUnpack according to the format string Struct.format. "
      "The buffer's size\nin bytes must be Struct.size.\n\nSee help(struct) for more on format strings."),
    M("unpack_from", struct_unpack_from, FastKeywords,
      "Return a tuple containing unpacked values.\n\nValues are unpacked according to the format string "
      "Struct.format.\n\nThe buffer's size in bytes, starting at position offset, must be\nat least "
      "Struct.size.\n\nSee help(struct) for more on format strings."),
    M("iter_unpack", struct_iter_unpack, FastKeywords,
      "Return an iterator yielding tuples.\n\nTuples are unpacked from the given bytes source, like a "
      "repeated\ninvocation of unpack_from().\n\nRequires that the bytes length be a multiple of the struct "
      "size."),
    M("__sizeof__", struct_sizeof, NoArgs, "S.__sizeof__() -> size of S in memory, in bytes"),
    {nullptr, nullptr, MethodKind::NoArgs},
};
const GetSetDef struct_getsets[] = {
    {"format", struct_get_format, nullptr, "struct format string"},
    {"size", struct_get_size, nullptr, "struct size in bytes"},
    {nullptr, nullptr},
};
const MethodDef unpackiter_methods[] = {
    M("__length_hint__", unpackiter_length_hint, NoArgs, nullptr),
    {nullptr, nullptr, MethodKind::NoArgs},
};

const MethodDef module_functions[] = {
    M("_clearcache", module_clearcache, NoArgs, "Clear the internal cache."),
    M("calcsize", module_calcsize, FastKeywords, "Return size in bytes of the struct described by the format string."),
    M("iter_unpack", module_iter_unpack, FastKeywords,
      "Return an iterator yielding tuples unpacked from the given bytes.\n\nThe bytes are unpacked according "
      "to the format string, like\na repeated invocation of unpack_from().\n\nRequires that the bytes length "
      "be a multiple of the format struct size."),
    M("pack", module_pack, FastKeywords,
      "pack(format, v1, v2, ...) -> bytes\n\nReturn a bytes object containing the values v1, v2, ... packed "
      "according\nto the format string.  See help(struct) for more on format strings."),
    M("pack_into", module_pack_into, FastKeywords,
      "pack_into(format, buffer, offset, v1, v2, ...)\n\nPack the values v1, v2, ... according to the "
      "format string and write\nthe packed bytes into the writable buffer buf starting at offset.  Note\n"
      "that the offset is a required argument.  See help(struct) for more\non format strings."),
    M("unpack", module_unpack, FastKeywords,
      "Return a tuple containing values unpacked according to the format string.\n\nThe buffer's size in "
      "bytes must be calcsize(format).\n\nSee help(struct) for more on format strings."),
    M("unpack_from", module_unpack_from, FastKeywords,
      "Return a tuple containing values unpacked according to the format string.\n\nThe buffer's size, "
      "minus offset, must be at least calcsize(format).\n\nSee help(struct) for more on format strings."),
    {nullptr, nullptr, MethodKind::NoArgs},
};
#undef M

const char kModuleDoc[] =
    "Functions to convert between Python values and C structs.\n"
    "Python bytes objects are used to hold the data representing the C struct\n"
    "and also as format strings (explained below) to describe the layout of data\n"
    "in the C struct.\n\n"
    "The optional first format char indicates byte order, size and alignment:\n"
    "  @: native order, size & alignment (default)\n"
    "  =: native order, std. size & alignment\n"
    "  <: little-endian, std. size & alignment\n"
    "  >: big-endian, std. size & alignment\n"
    "  !: same as >\n\n"
    "The remaining chars indicate types of args and must match exactly;\n"
    "these can be preceded by a decimal repeat count:\n"
    "  x: pad byte (no data); c:char; b:signed byte; B:unsigned byte;\n"
    "  ?: _Bool (requires C99; if not available, char is used instead)\n"
    "  h:short; H:unsigned short; i:int; I:unsigned int;\n"
    "  l:long; L:unsigned long; f:float; d:double; e:half-float.\n"
    "Special cases (preceding decimal count indicates length):\n"
    "  s:string (array of char); p: pascal string (with count byte).\n"
    "Special cases (only available in native format):\n"
    "  n:ssize_t; N:size_t;\n"
    "  P:an integer type that is wide enough to hold a pointer.\n"
    "Special case (not in native mode unless 'long long' in platform C):\n"
    "  q:long long; Q:unsigned long long\n"
    "Whitespace between formats is ignored.\n\n"
    "The variable struct.error is an exception raised on errors.\n";

void init_type(TypeObject& t, const char* name, size_t basic_size, uint64_t flags) {
  t.refcount = 1;
  t.Object::flags = ObjectFlag::Immortal;
  t.type = &type_type;
  t.name = name;
  std::string n(name);
  t.qualname = n.substr(n.rfind('.') + 1);
  t.base = &object_type;
  t.basic_size = basic_size;
  t.flags = flags;
}

int init_struct_types() {
  static bool done = false;
  if (done) return 0;
  init_type(struct_type, "_struct.Struct", sizeof(StructObject), TypeFlag::BaseType);
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Winvalid-offsetof"
  struct_type.weaklist_offset = offsetof(StructObject, weaklist);
#pragma GCC diagnostic pop
  struct_type.new_ = struct_new;
  struct_type.init = struct_init;
  struct_type.dealloc = struct_dealloc;
  declare_untraversed_references(&struct_type, struct_references);
  add_methods(&struct_type, struct_methods);
  add_getsets(&struct_type, struct_getsets);

  init_type(unpack_iterator_type, "_struct.unpack_iterator", sizeof(UnpackIterObject), TypeFlag::HaveGc);
  unpack_iterator_type.new_ = unpackiter_new;
  unpack_iterator_type.dealloc = unpackiter_dealloc;
  unpack_iterator_type.traverse = unpackiter_traverse;
  unpack_iterator_type.clear = unpackiter_clear;
  unpack_iterator_type.iter = iter_self;
  unpack_iterator_type.iternext = unpackiter_next;
  add_methods(&unpack_iterator_type, unpackiter_methods);
  for (TypeObject* t : {&struct_type, &unpack_iterator_type})
    if (type_ready(t) < 0) return -1;
  done = true;
  return 0;
}

// struct.error: a class made as `class error(Exception)` in module "struct".
Value make_error_type() {
  Ref ns = Ref::steal(dict_new());
  if (!ns) return Value();
  Ref module_name = Ref::steal(str_from_ascii("struct"));
  if (!module_name || dict_set_item_str(ns.get(), "__module__", module_name.get()) < 0) return Value();
  Ref name = Ref::steal(str_from_ascii("error"));
  Ref bases = Ref::steal(tuple_pack({Value::object(exc::Exception)}));
  if (!name || !bases) return Value();
  Value args[] = {name.get(), bases.get(), ns.get()};
  return call(Value::object(&type_type), args, 3);
}

}  // namespace

Value create_struct_module() {
  if (init_struct_types() < 0) return Value();
  if (!g_error) {
    g_error = make_error_type();
    if (!g_error) return Value();
  }
  Ref module = Ref::steal(module_new("_struct"));
  if (!module) return Value();
  if (module_add_functions(module.get(), module_functions) < 0) return Value();
  Ref doc = Ref::steal(str_from_ascii(kModuleDoc));
  if (!doc || module_add(module.get(), "__doc__", doc.get()) < 0) return Value();
  if (module_add(module.get(), "Struct", Value::object(&struct_type)) < 0) return Value();
  if (module_add(module.get(), "error", g_error) < 0) return Value();
  return module.release();
}

}  // namespace krait::modules
