// binascii: conversions between binary data and ASCII encodings (hex, base64, quoted-printable, uu)
// and the crc32 / crc_hqx checksums, what base64.py, quopri.py and zipfile build on. CPython 3.11's
// messages; binascii.Error is a ValueError.
#include <zlib.h>

#include <cstdint>
#include <string>

#include "modules/modules.h"
#include "runtime/abstract.h"
#include "runtime/args.h"
#include "runtime/builtin_types.h"
#include "runtime/bytes.h"
#include "runtime/dict.h"
#include "runtime/errors.h"
#include "runtime/int.h"
#include "runtime/module.h"
#include "runtime/number_util.h"
#include "runtime/str.h"
#include "runtime/tuple.h"

namespace krait::modules {

using namespace runtime;

// An int argument reduced modulo 2**32 (CPython's bitwise unsigned int conversion).
bool uint32_mask_argument(Value v, uint32_t* out) {
  Ref index = Ref::steal(number_index(v));
  if (!index) return false;
  mpz_class z = int_to_mpz(index.get());
  mpz_class masked = z & mpz_class(0xffffffffUL);
  *out = static_cast<uint32_t>(masked.get_ui());
  return true;
}

// Argument Clinic's count check for functions whose first `min` parameters are positional-only:
// "f() takes exactly 1 positional argument (0 given)" ("at least" when more may be positional).
bool clinic_positional(const char* fname, size_t nargs, size_t min, size_t max_positional) {
  if (nargs >= min) return true;
  return raise_format(exc::TypeError, "%s() takes %s %zu positional argument%s (%zu given)", fname,
                      min == max_positional ? "exactly" : "at least", min, min == 1 ? "" : "s", nargs),
         false;
}

namespace {

Value g_error, g_incomplete;

Value binascii_error(const std::string& message) {
  return raise(static_cast<TypeObject*>(g_error.as_object()), message);
}

// A bytes-like argument (b2a_* functions): "a bytes-like object is required, not 'str'".
bool binary_argument(Value v, std::string_view* out) {
  if (!has_buffer(v))
    return raise_format(exc::TypeError, "a bytes-like object is required, not '%s'", type_name(type_of(v))), false;
  return bytes_like_view(v, out);
}

// The a2b_* functions also take ASCII-only str.
bool ascii_argument(Value v, std::string_view* out) {
  if (is_str(v)) {
    if (!str_is_ascii(v)) return raise(exc::ValueError, "string argument should contain only ASCII characters"), false;
    *out = str_utf8(v);
    return true;
  }
  if (!has_buffer(v))
    return raise_format(exc::TypeError, "argument should be bytes, buffer or ASCII string, not '%s'",
                        type_name(type_of(v))),
           false;
  return bytes_like_view(v, out);
}

bool bool_argument(Value v, bool* out) {
  if (!v) return true;
  int t = is_true(v);
  if (t < 0) return false;
  *out = t;
  return true;
}

const char kHexUpper[] = "0123456789ABCDEF";

int hex_value(unsigned char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// --- hex ------------------------------------------------------------------------------------

Value hexlify_named(const char* name, const Value* args, size_t nargs, Value kwnames) {
  Value a[3];
  if (!bind_args({name, {"data", "sep", "bytes_per_sep"}, 1, 1, 3}, args, nargs, kwnames, a)) return Value();
  std::string_view data;
  if (!binary_argument(a[0], &data)) return Value();
  Value rest[2];
  size_t n = 0;
  if (a[1]) rest[n++] = a[1];
  if (a[1] && a[2]) rest[n++] = a[2];  // bytes_per_sep without sep is ignored
  Ref text = Ref::steal(bytes_hex_method(data, rest, n, Value()));
  if (!text) return Value();
  return bytes_from(str_utf8(text.get()));
}

Value hexlify_function(Value, const Value* args, size_t nargs, Value kwnames) {
  return hexlify_named("hexlify", args, nargs, kwnames);
}
Value b2a_hex_function(Value, const Value* args, size_t nargs, Value kwnames) {
  return hexlify_named("b2a_hex", args, nargs, kwnames);
}

Value unhexlify_function(Value, Value arg) {
  std::string_view data;
  if (!ascii_argument(arg, &data)) return Value();
  if (data.size() % 2) return binascii_error("Odd-length string");
  std::string out(data.size() / 2, '\0');
  for (size_t i = 0; i < out.size(); ++i) {
    int hi = hex_value(data[2 * i]), lo = hex_value(data[2 * i + 1]);
    if (hi < 0 || lo < 0) return binascii_error("Non-hexadecimal digit found");
    out[i] = static_cast<char>(hi * 16 + lo);
  }
  return bytes_from(out);
}

// --- base64 ---------------------------------------------------------------------------------

const char kBase64[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

int base64_value(unsigned char c) {
  if (c >= 'A' && c <= 'Z') return c - 'A';
  if (c >= 'a' && c <= 'z') return c - 'a' + 26;
  if (c >= '0' && c <= '9') return c - '0' + 52;
  if (c == '+') return 62;
  if (c == '/') return 63;
  return -1;
}

Value b2a_base64_function(Value, const Value* args, size_t nargs, Value kwnames) {
  Value a[2];
  if (!clinic_positional("b2a_base64", nargs, 1, 1)) return Value();
  if (!bind_args({"b2a_base64", {"data", "newline"}, 1, 1, 1}, args, nargs, kwnames, a)) return Value();
  std::string_view data;
  bool newline = true;
  if (!binary_argument(a[0], &data) || !bool_argument(a[1], &newline)) return Value();
  std::string out;
  out.reserve((data.size() + 2) / 3 * 4 + 1);
  size_t i = 0;
  auto byte = [&](size_t k) { return static_cast<unsigned char>(data[k]); };
  for (; i + 3 <= data.size(); i += 3) {
    uint32_t v = (byte(i) << 16) | (byte(i + 1) << 8) | byte(i + 2);
    for (int s = 18; s >= 0; s -= 6) out += kBase64[(v >> s) & 63];
  }
  size_t left = data.size() - i;
  if (left) {
    uint32_t v = byte(i) << 16;
    if (left == 2) v |= byte(i + 1) << 8;
    out += kBase64[(v >> 18) & 63];
    out += kBase64[(v >> 12) & 63];
    out += left == 2 ? kBase64[(v >> 6) & 63] : '=';
    out += '=';
  }
  if (newline) out += '\n';
  return bytes_from(out);
}

Value a2b_base64_function(Value, const Value* args, size_t nargs, Value kwnames) {
  Value a[2];
  if (!clinic_positional("a2b_base64", nargs, 1, 1)) return Value();
  if (!bind_args({"a2b_base64", {"data", "strict_mode"}, 1, 1, 1}, args, nargs, kwnames, a)) return Value();
  std::string_view data;
  bool strict = false;
  if (!ascii_argument(a[0], &data) || !bool_argument(a[1], &strict)) return Value();
  std::string out;
  int quad_pos = 0, pads = 0;
  unsigned left = 0;
  bool padding_started = false;
  if (strict && !data.empty() && data[0] == '=') return binascii_error("Leading padding not allowed");
  for (size_t i = 0; i < data.size(); ++i) {
    unsigned char c = data[i];
    if (c == '=') {
      padding_started = true;
      if (quad_pos >= 2 && quad_pos + ++pads >= 4) {
        if (strict && i + 1 < data.size()) return binascii_error("Excess data after padding");
        return bytes_from(out);
      }
      continue;
    }
    int v = base64_value(c);
    if (v < 0) {
      if (strict) return binascii_error("Only base64 data is allowed");
      continue;
    }
    if (strict && padding_started) return binascii_error("Discontinuous padding not allowed");
    pads = 0;
    switch (quad_pos) {
      case 0: quad_pos = 1; left = v; break;
      case 1: quad_pos = 2; out += char((left << 2) | (v >> 4)); left = v & 0x0f; break;
      case 2: quad_pos = 3; out += char((left << 4) | (v >> 2)); left = v & 0x03; break;
      default: quad_pos = 0; out += char((left << 6) | v); left = 0; break;
    }
  }
  if (quad_pos == 1)
    return binascii_error("Invalid base64-encoded string: number of data characters (" +
                          std::to_string(out.size() / 3 * 4 + 1) + ") cannot be 1 more than a multiple of 4");
  if (quad_pos != 0) return binascii_error("Incorrect padding");
  return bytes_from(out);
}

// --- checksums ------------------------------------------------------------------------------

Value crc32_function(Value, const Value* args, size_t nargs) {
  if (nargs < 1 || nargs > 2)
    return raise_format(exc::TypeError, "crc32 expected %s, got %zu", nargs < 1 ? "at least 1 argument" : "at most 2 arguments", nargs);
  std::string_view data;
  uint32_t crc = 0;
  if (!binary_argument(args[0], &data)) return Value();
  if (nargs == 2 && !uint32_mask_argument(args[1], &crc)) return Value();
  uLong value = crc;
  const auto* p = reinterpret_cast<const Bytef*>(data.data());
  for (size_t n = data.size(); n > 0;) {
    uInt chunk = n > 0x40000000 ? 0x40000000 : uInt(n);
    value = ::crc32(value, p, chunk);
    p += chunk;
    n -= chunk;
  }
  return int_from_uint64(value & 0xffffffffu);
}

Value crc_hqx_function(Value, const Value* args, size_t nargs) {
  if (nargs != 2) return raise_format(exc::TypeError, "crc_hqx expected 2 arguments, got %zu", nargs);
  std::string_view data;
  uint32_t crc = 0;
  if (!binary_argument(args[0], &data) || !uint32_mask_argument(args[1], &crc)) return Value();
  crc &= 0xffff;
  for (unsigned char c : data) {
    crc ^= uint32_t(c) << 8;
    for (int k = 0; k < 8; ++k) crc = (crc & 0x8000) ? ((crc << 1) ^ 0x1021) : (crc << 1);
    crc &= 0xffff;
  }
  return int_from_int64(crc);
}

// --- quoted-printable -----------------------------------------------------------------------

Value a2b_qp_function(Value, const Value* args, size_t nargs, Value kwnames) {
  Value a[2];
  if (!bind_args({"a2b_qp", {"data", "header"}, 0, 1, 2}, args, nargs, kwnames, a)) return Value();
  std::string_view data;
  bool header = false;
  if (!ascii_argument(a[0], &data) || !bool_argument(a[1], &header)) return Value();
  std::string out;
  size_t i = 0, n = data.size();
  while (i < n) {
    if (data[i] == '=') {
      if (++i >= n) break;
      if (data[i] == '\n' || data[i] == '\r') {  // a soft line break
        if (data[i] != '\n')
          while (i < n && data[i] != '\n') ++i;
        if (i < n) ++i;
      } else if (data[i] == '=') {
        out += '=';
        ++i;
      } else if (i + 1 < n && hex_value(data[i]) >= 0 && hex_value(data[i + 1]) >= 0) {
        out += char(hex_value(data[i]) * 16 + hex_value(data[i + 1]));
        i += 2;
      } else {
        out += '=';
      }
    } else if (header && data[i] == '_') {
      out += ' ';
      ++i;
    } else {
      out += data[i++];
    }
  }
  return bytes_from(out);
}

Value b2a_qp_function(Value, const Value* args, size_t nargs, Value kwnames) {
  Value a[4];
  if (!bind_args({"b2a_qp", {"data", "quotetabs", "istext", "header"}, 0, 1, 4}, args, nargs, kwnames, a))
    return Value();
  std::string_view data;
  bool quotetabs = false, istext = true, header = false;
  if (!binary_argument(a[0], &data) || !bool_argument(a[1], &quotetabs) || !bool_argument(a[2], &istext) ||
      !bool_argument(a[3], &header))
    return Value();
  const size_t kMaxLine = 76;
  size_t n = data.size();
  // Line ends are written as the data's first one is (CRLF or LF).
  size_t first_nl = data.find('\n');
  bool crlf = first_nl != std::string_view::npos && first_nl > 0 && data[first_nl - 1] == '\r';
  const char* line_end = crlf ? "\r\n" : "\n";
  auto at = [&](size_t k) { return static_cast<unsigned char>(data[k]); };
  std::string out;
  size_t linelen = 0;
  auto put_hex = [&](unsigned char c) {
    out += '=';
    out += kHexUpper[c >> 4];
    out += kHexUpper[c & 15];
  };
  size_t i = 0;
  while (i < n) {
    unsigned char c = at(i);
    bool last = i + 1 == n;
    bool quote = c > 126 || c == '=' || (header && c == '_') ||
                 (c == '.' && linelen == 0 && (last || at(i + 1) == '\n' || at(i + 1) == '\r' || at(i + 1) == 0)) ||
                 (!istext && (c == '\r' || c == '\n')) || ((c == '\t' || c == ' ') && last) ||
                 (c < 33 && c != '\r' && c != '\n' && (quotetabs || (c != '\t' && c != ' ')));
    if (quote) {
      if (linelen + 3 >= kMaxLine) {
        out += '=';
        out += line_end;
        linelen = 0;
      }
      put_hex(c);
      ++i;
      linelen += 3;
    } else if (istext && (c == '\n' || (!last && c == '\r' && at(i + 1) == '\n'))) {
      linelen = 0;
      if (!out.empty() && (out.back() == ' ' || out.back() == '\t')) {  // no whitespace at a line's end
        unsigned char ws = out.back();
        out.pop_back();
        put_hex(ws);
      }
      out += line_end;
      i += c == '\r' ? 2 : 1;
    } else {
      if (!last && at(i + 1) != '\n' && linelen + 1 >= kMaxLine) {
        out += '=';
        out += line_end;
        linelen = 0;
      }
      ++linelen;
      out += header && c == ' ' ? '_' : char(c);
      ++i;
    }
  }
  return bytes_from(out);
}

// --- uuencode -------------------------------------------------------------------------------

Value a2b_uu_function(Value, Value arg) {
  std::string_view data;
  if (!ascii_argument(arg, &data)) return Value();
  // The first character gives the decoded length (an empty line reads as NUL, as CPython does).
  size_t want = ((data.empty() ? 0 : static_cast<unsigned char>(data[0])) - ' ') & 077;
  std::string out(want, '\0');
  size_t produced = 0, i = 1;
  uint32_t left = 0;
  int bits = 0;
  // Past the end of the line zero bits are fed in until the length is reached (as CPython does).
  for (; produced < want; ++i) {
    unsigned char c = i < data.size() ? data[i] : 0;
    uint32_t v;
    if (c == '\n' || c == '\r' || i >= data.size()) {
      v = 0;  // whitespace: the line was stripped, assume zero bits
    } else {
      if (c < ' ' || c > ' ' + 64) return binascii_error("Illegal char");
      v = (c - ' ') & 077;
    }
    left = (left << 6) | v;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out[produced++] = char((left >> bits) & 0xff);
      left &= (1u << bits) - 1;
    }
  }
  for (; i < data.size(); ++i) {  // what is left on the line must be padding or a line end
    unsigned char c = data[i];
    if (c != ' ' && c != ' ' + 64 && c != '\n' && c != '\r') return binascii_error("Trailing garbage");
  }
  return bytes_from(out);
}

Value b2a_uu_function(Value, const Value* args, size_t nargs, Value kwnames) {
  Value a[2];
  if (!clinic_positional("b2a_uu", nargs, 1, 1)) return Value();
  if (!bind_args({"b2a_uu", {"data", "backtick"}, 1, 1, 1}, args, nargs, kwnames, a)) return Value();
  std::string_view data;
  bool backtick = false;
  if (!binary_argument(a[0], &data) || !bool_argument(a[1], &backtick)) return Value();
  if (data.size() > 45) return binascii_error("At most 45 bytes at once");
  auto put = [&](std::string& out, unsigned v) { out += backtick && v == 0 ? '`' : char(' ' + v); };
  std::string out;
  put(out, unsigned(data.size()));
  for (size_t i = 0; i < data.size(); i += 3) {
    uint32_t v = 0;
    for (size_t k = 0; k < 3; ++k) v = (v << 8) | (i + k < data.size() ? static_cast<unsigned char>(data[i + k]) : 0);
    for (int shift = 18; shift >= 0; shift -= 6) put(out, (v >> shift) & 077);
  }
  out += '\n';
  return bytes_from(out);
}

// --- module ---------------------------------------------------------------------------------

#define M(name, fn, kind) {name, reinterpret_cast<void*>(&fn), MethodKind::kind}
const MethodDef module_functions[] = {
    M("a2b_base64", a2b_base64_function, FastKeywords),
    M("a2b_hex", unhexlify_function, OneArg),
    M("a2b_qp", a2b_qp_function, FastKeywords),
    M("a2b_uu", a2b_uu_function, OneArg),
    M("b2a_base64", b2a_base64_function, FastKeywords),
    M("b2a_hex", b2a_hex_function, FastKeywords),
    M("b2a_qp", b2a_qp_function, FastKeywords),
    M("b2a_uu", b2a_uu_function, FastKeywords),
    M("crc32", crc32_function, Fast),
    M("crc_hqx", crc_hqx_function, Fast),
    M("hexlify", hexlify_function, FastKeywords),
    M("unhexlify", unhexlify_function, OneArg),
    {nullptr, nullptr, MethodKind::NoArgs},
};
#undef M

}  // namespace

// A new exception class `module.name(base)` (for the module-level error types).
Value make_module_exception(const char* module, const char* name, TypeObject* base) {
  Ref ns = Ref::steal(dict_new());
  if (!ns) return Value();
  Ref module_name = Ref::steal(str_from_ascii(module));
  if (!module_name || dict_set_item_str(ns.get(), "__module__", module_name.get()) < 0) return Value();
  Ref class_name = Ref::steal(str_from_ascii(name));
  Ref bases = Ref::steal(tuple_pack({Value::object(base)}));
  if (!class_name || !bases) return Value();
  Value args[] = {class_name.get(), bases.get(), ns.get()};
  return call(Value::object(&type_type), args, 3);
}

Value create_binascii_module() {
  if (!g_error) {
    g_error = make_module_exception("binascii", "Error", exc::ValueError);
    if (!g_error) return Value();
    g_incomplete = make_module_exception("binascii", "Incomplete", exc::Exception);
    if (!g_incomplete) return Value();
  }
  Ref module = Ref::steal(module_new("binascii"));
  if (!module) return Value();
  if (module_add_functions(module.get(), module_functions) < 0) return Value();
  if (module_add(module.get(), "Error", g_error) < 0) return Value();
  if (module_add(module.get(), "Incomplete", g_incomplete) < 0) return Value();
  return module.release();
}

}  // namespace krait::modules
