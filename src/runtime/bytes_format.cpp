// printf-style formatting of bytes and bytearray (b'%s' % x), done by str's formatter: the
// format is read as Latin-1 (one char per byte) and each argument is first converted to the
// Latin-1 text the bytes conversion gives (%s/%b: the object's bytes, %r/%a: ascii(), %c: one
// byte); numeric conversions pass through (they give ASCII). The result is encoded back.
#include <string>

#include "runtime/abstract.h"
#include "runtime/bytes.h"
#include "runtime/coll_util.h"
#include "runtime/dict.h"
#include "runtime/errors.h"
#include "runtime/int.h"
#include "runtime/list.h"
#include "runtime/str.h"
#include "runtime/tuple.h"

namespace krait::runtime {

using coll::type_name;

namespace {

Value latin1_text(std::string_view data) { return str_from_latin1(data); }
Value new_ref_value(Value v) {
  incref(v);
  return v;
}

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

Value convert(Value arg, char type) {
  switch (type) {
    case 's': case 'b': return convert_bytes(arg);
    case 'r': case 'a': return convert_ascii(arg);
    case 'c': return convert_char(arg);
    default: return new_ref_value(arg);
  }
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
  auto take = [&](char type, Value* out) -> bool {
    if (argi >= argc) {
      stopped = true;  // "not enough arguments": reported by str's formatter
      return true;
    }
    Value arg = is_tuple(args) ? tuple_get(args, argi) : args;
    ++argi;
    Ref value = Ref::steal(convert(arg, type));
    if (!value) return false;
    *out = value.get();
    return list_append(converted.get(), value.get()) == 0;
  };
  size_t n = text.size(), i = 0;
  while (i < n && !stopped) {
    if (text[i++] != '%') continue;
    if (i >= n) break;
    std::string key;
    bool keyed = false;
    if (text[i] == '(') {
      int depth = 1;
      size_t key_start = ++i;
      while (i < n && depth > 0) {
        if (text[i] == '(') ++depth;
        else if (text[i] == ')') --depth;
        ++i;
      }
      if (depth > 0 || !is_mapping) break;
      key = text.substr(key_start, i - 1 - key_start);
      keyed = true;
    }
    while (i < n && (text[i] == '-' || text[i] == '+' || text[i] == ' ' || text[i] == '#' || text[i] == '0')) ++i;
    for (int part = 0; part < 2 && i < n; ++part) {  // width, then precision after '.'
      if (part == 1) {
        if (text[i] != '.') break;
        ++i;
      }
      if (i < n && text[i] == '*') {
        Value star;
        if (!take('d', &star)) return Value();
        ++i;
      }
      while (i < n && text[i] >= '0' && text[i] <= '9') ++i;
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
    ++i;
    if (!keyed) {
      Value ignored;
      if (!take(type, &ignored)) return Value();
      continue;
    }
    Ref bkey = Ref::steal(bytes_from(key));
    Ref skey = Ref::steal(latin1_text(key));
    if (!bkey || !skey) return Value();
    Ref raw = Ref::steal(get_item(args, bkey.get()));
    if (!raw) return Value();
    Ref value = Ref::steal(convert(raw.get(), type));
    if (!value || dict_set_item(by_key.get(), skey.get(), value.get()) < 0) return Value();
  }
  // Arguments the scan did not reach (after an error str's formatter will report) pass as they are.
  for (; argi < argc && !is_mapping; ++argi) {
    if (list_append(converted.get(), is_tuple(args) ? tuple_get(args, argi) : args) < 0) return Value();
  }
  Ref str_format = Ref::steal(latin1_text(text));
  // A mapping used by position only (b'%s' % {}) is the single argument, converted.
  bool by_position = is_mapping && dict_size(by_key.get()) == 0 && list_size(converted.get()) > 0;
  Ref str_args = Ref::steal(by_position  ? new_ref_value(list_get(converted.get(), 0))
                            : is_mapping ? new_ref_value(by_key.get())
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
    }
    return Value();
  }
  std::string out;
  out.reserve(str_length(result.get()));
  for (size_t k = 0; k < str_length(result.get()); ++k) out += static_cast<char>(str_char(result.get(), k));
  return bytes_from(out);
}

}  // namespace krait::runtime
