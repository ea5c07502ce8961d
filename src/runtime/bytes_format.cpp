// printf-style formatting of bytes and bytearray (b'%s' % x), done by str's formatter: the
// format is read as Latin-1 (one char per byte) and each argument is first converted to the
// Latin-1 text the bytes conversion gives (%s/%b: the object's bytes, %r/%a: ascii(), %c: one
// byte); numeric conversions pass through (they give ASCII). The result is encoded back.
#include <cmath>
#include <string>
#include <vector>

#include "runtime/abstract.h"
#include "runtime/bytes.h"
#include "runtime/coll_util.h"
#include "runtime/dict.h"
#include "runtime/errors.h"
#include "runtime/float.h"
#include "runtime/int.h"
#include "runtime/list.h"
#include "runtime/str.h"
#include "runtime/tuple.h"

namespace krait::runtime {

using coll::type_name;

namespace {

Value latin1_text(std::string_view data) { return str_from_latin1(data); }

// %s / %b: a buffer, or an object with __bytes__.
Value convert_bytes(Value arg) {
  std::string data;
  if (has_buffer(arg)) {
    if (!buffer_to_string(arg, &data)) return Value();
    return latin1_text(data);
  }
  Ref method = Ref::steal(lookup_special(arg, "__bytes__"));
  if (!method) {
    if (error_occurred()) return Value();
    return raise_format(exc::TypeError,
                        "%%b requires a bytes-like object, or an object that implements __bytes__, not '%s'", type_name(arg));
  }
  Ref result = Ref::steal(call_no_args(method.get()));
  if (!result) return Value();
  if (!is_bytes(result.get())) return raise_format(exc::TypeError, "__bytes__ returned non-bytes (type %s)", type_name(result.get()));
  return latin1_text(bytes_view(result.get()));
}

// %r / %a: ascii(arg).
Value convert_ascii(Value arg) {
  Ref text = Ref::steal(repr(arg));
  if (!text) return Value();
  std::string out;
  for (size_t i = 0; i < str_length(text.get()); ++i) {
    char32_t c = str_char(text.get(), i);
    char buf[16];
    if (c < 128) {
      out += static_cast<char>(c);
      continue;
    }
    snprintf(buf, sizeof buf, c <= 0xFF ? "\\x%02x" : c <= 0xFFFF ? "\\u%04x" : "\\U%08x", static_cast<unsigned>(c));
    out += buf;
  }
  return str_from_ascii(out);
}

// %c: an int in range(256) or a single byte.
Value convert_char(Value arg) {
  if ((is_bytes(arg) || is_bytearray(arg)) && byteseq_view(arg).size() == 1) return latin1_text(byteseq_view(arg));
  if (!is_int(arg)) return raise(exc::TypeError, "%c requires an integer in range(256) or a single byte");
  int64_t x;
  if (!int_to_int64(arg, &x) || x < 0 || x > 255) return raise(exc::OverflowError, "%c arg not in range(256)");
  char c = static_cast<char>(x);
  return latin1_text(std::string_view(&c, 1));
}

// What a float conversion needs to know for the 'z' flag.
struct FloatSpec {
  bool no_neg_zero = false;
  bool alternate = false;
  int64_t precision = -1;
};

// %e/%f/%g with 'z': a negative float that formats as zero loses its sign.
Value drop_negative_zero(Value arg, char type, FloatSpec spec) {
  if (!is_float(arg)) return Ref::borrow(arg).release();
  double d = float_value(arg);
  if (!std::signbit(d)) return Ref::borrow(arg).release();
  int precision = spec.precision < 0 ? 6 : static_cast<int>(spec.precision);
  std::string text = format_double(-d, type, precision, spec.alternate);
  std::string mantissa = text.substr(0, text.find_first_of("eE"));
  if (mantissa.find_first_of("123456789") != std::string::npos) return Ref::borrow(arg).release();
  return float_from_double(-d);
}

Value convert(Value arg, char type, FloatSpec spec) {
  switch (type) {
    case 's': case 'b': return convert_bytes(arg);
    case 'r': case 'a': return convert_ascii(arg);
    case 'c': return convert_char(arg);
    case 'e': case 'E': case 'f': case 'F': case 'g': case 'G':
      if (spec.no_neg_zero) return drop_negative_zero(arg, type, spec);
      return Ref::borrow(arg).release();
    default: return Ref::borrow(arg).release();
  }
}

// str's "unsupported format character 'c' (0x..) at index N" counted in the text without the
// 'z' flags: raised again with the index in the bytes format.
Value remap_error_index(const std::vector<size_t>& origin) {
  Ref e = fetch_exception();
  Ref message = Ref::steal(str(e.get()));
  std::string text = message ? str_to_utf8(message.get()) : std::string();
  size_t at = text.rfind("at index ");
  if (at == std::string::npos || text.rfind("unsupported format character", 0) != 0) {
    set_exception(e.get());
    return Value();
  }
  size_t index = std::stoul(text.substr(at + 9));
  size_t original = index < origin.size() ? origin[index] : index;
  return raise(exc::ValueError, text.substr(0, at + 9) + std::to_string(original));
}

}  // namespace

Value bytes_percent_format(std::string_view format, Value args) {
  bool is_mapping = !is_tuple(args) && !is_bytes(args) && !is_bytearray(args) && !is_str(args) &&
                    type_of(args)->mapping.subscript != nullptr;
  size_t argc = is_tuple(args) ? tuple_size(args) : 1, argi = 0;
  Ref converted = Ref::steal(list_new(0));   // the positional arguments, converted
  Ref by_key = Ref::steal(dict_new());       // str key -> converted value (mapping form)
  if (!converted || !by_key) return Value();
  std::string text(format);  // the format with %b/%r/%a rewritten to %s
  bool stopped = false;      // a malformed spec: str's formatter reports it
  std::vector<bool> removed(text.size(), false);  // 'z' flags taken out of the text
  auto take = [&](char type, Value* out, FloatSpec spec = FloatSpec{}) -> bool {
    if (argi >= argc) {
      stopped = true;  // "not enough arguments": reported by str's formatter
      return true;
    }
    Value arg = is_tuple(args) ? tuple_get(args, argi) : args;
    ++argi;
    Ref value = Ref::steal(convert(arg, type, spec));
    if (!value) return false;
    *out = value.get();
    return list_append(converted.get(), value.get()) == 0;
  };
  size_t n = text.size(), i = 0;
  while (i < n && !stopped) {
    if (text[i++] != '%') continue;
    if (i >= n) break;
    Ref skey, raw;  // %(key): the str key for str's formatter and the mapping's value
    if (text[i] == '(') {
      int depth = 1;
      size_t key_start = ++i;
      while (i < n && depth > 0) {
        if (text[i] == '(') ++depth;
        else if (text[i] == ')') --depth;
        ++i;
      }
      if (depth > 0 || !is_mapping) break;
      std::string key = text.substr(key_start, i - 1 - key_start);
      Ref bkey = Ref::steal(bytes_from(key));
      skey = Ref::steal(latin1_text(key));
      if (!bkey || !skey) return Value();
      raw = Ref::steal(get_item(args, bkey.get()));  // looked up first, as CPython
      if (!raw || dict_set_item(by_key.get(), skey.get(), raw.get()) < 0) return Value();
    }
    // Flags; 'z' (no negative zero, a flag of bytes formatting only) is taken out of the text.
    bool no_neg_zero = false, alternate = false;
    for (; i < n && std::string_view("-+ #0z").find(text[i]) != std::string_view::npos; ++i) {
      if (text[i] == 'z') {
        no_neg_zero = true;
        removed[i] = true;
      }
      alternate = alternate || text[i] == '#';
    }
    int64_t precision = -1;
    for (int part = 0; part < 2 && i < n; ++part) {  // width, then precision after '.'
      if (part == 1) {
        if (text[i] != '.') break;
        ++i;
        precision = 0;
      }
      if (i < n && text[i] == '*') {
        Value star;
        if (!take('d', &star)) return Value();
        if (part == 1 && !star.is_null() && is_int(star) && !int_to_int64(star, &precision)) precision = -1;
        ++i;
      }
      for (; i < n && text[i] >= '0' && text[i] <= '9'; ++i) {
        if (part == 1) precision = precision * 10 + (text[i] - '0');
      }
    }
    while (i < n && (text[i] == 'h' || text[i] == 'l' || text[i] == 'L')) ++i;
    if (i >= n) break;
    char type = text[i];
    if (type == '%') {
      ++i;
      continue;
    }
    if (std::string_view("sbracdiuoxXeEfFgG").find(type) == std::string_view::npos) break;
    if (type == 'b' || type == 'r' || type == 'a') text[i] = 's';
    if (type == 'i') text[i] = 'd';  // bytes formatting names %i as %d in its messages
    ++i;
    FloatSpec spec{no_neg_zero, alternate, precision};
    if (!raw) {
      Value ignored;
      if (!take(type, &ignored, spec)) return Value();
      continue;
    }
    Ref value = Ref::steal(convert(raw.get(), type, spec));
    if (!value || dict_set_item(by_key.get(), skey.get(), value.get()) < 0) return Value();
  }
  // Arguments the scan did not reach (after an error str's formatter will report) pass as they are.
  for (; argi < argc && !is_mapping; ++argi) {
    if (list_append(converted.get(), is_tuple(args) ? tuple_get(args, argi) : args) < 0) return Value();
  }
  std::string kept;                // the text without the 'z' flags
  std::vector<size_t> origin;      // kept[k] is text[origin[k]]
  for (size_t k = 0; k < text.size(); ++k) {
    if (removed[k]) continue;
    kept += text[k];
    origin.push_back(k);
  }
  Ref str_format = Ref::steal(latin1_text(kept));
  // A mapping used by position only (b'%s' % {}) is the single argument, converted.
  bool by_position = is_mapping && dict_size(by_key.get()) == 0 && list_size(converted.get()) > 0;
  Ref str_args = Ref::steal(by_position  ? Ref::borrow(list_get(converted.get(), 0)).release()
                            : is_mapping ? Ref::borrow(by_key.get()).release()
                                         : list_as_tuple(converted.get()));
  if (!str_format || !str_args) return Value();
  Ref result = Ref::steal(str_percent_format(str_format.get(), str_args.get()));
  if (!result) {
    if (error_matches(exc::TypeError)) {
      Ref e = fetch_exception();
      Ref message = Ref::steal(str(e.get()));
      if (message && str_utf8(message.get()) == "not all arguments converted during string formatting") {
        return raise(exc::TypeError, "not all arguments converted during bytes formatting");
      }
      set_exception(e.get());
    } else if (error_matches(exc::ValueError) && kept.size() != text.size()) {
      return remap_error_index(origin);
    }
    return Value();
  }
  std::string out;
  out.reserve(str_length(result.get()));
  for (size_t k = 0; k < str_length(result.get()); ++k) out += static_cast<char>(str_char(result.get(), k));
  return bytes_from(out);
}

}  // namespace krait::runtime
